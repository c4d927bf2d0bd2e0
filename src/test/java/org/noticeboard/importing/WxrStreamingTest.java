package org.noticeboard.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticeboard.support.GeneratedWxr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress export of 100,000 posts, larger than the heap it is read in: the reader holds one item at a time.
 * The writing side of the same import is measured by bench/import-wordpress (docs/moving.md).
 */
class WxrStreamingTest {

    private static final int POSTS = 100_000;
    /** A tenth of the file's size: a reader that held the document, or even its posts' bodies, would not fit. */
    private static final String HEAP = "-Xmx32m";

    @Test
    void aFileTenTimesTheHeapIsReadItemByItem(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = GeneratedWxr.write(dir.resolve("large.xml"), POSTS, 2_200);
        assertThat(Files.size(file)).isGreaterThan(320L * 1024 * 1024);

        Process reading = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CountItems.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(reading.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reading.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(reading.exitValue()).as(output).isZero();
        assertThat(output.strip()).isEqualTo((POSTS + POSTS / 100) + " items, " + POSTS + " comments");
    }

    /** Reads the whole file as the importer's passes do, keeping nothing of an item once the next is read. */
    public static final class CountItems {
        public static void main(String[] args) throws IOException {
            long items = 0;
            long comments = 0;
            try (InputStream in = Files.newInputStream(Path.of(args[0])); WxrReader wxr = new WxrReader(in)) {
                WxrReader.Element element;
                while ((element = wxr.next()) != null) {
                    if (element instanceof WxrReader.Item item) {
                        items++;
                        comments += item.comments().size();
                    }
                }
            }
            System.out.println(items + " items, " + comments + " comments");
        }
    }
}
