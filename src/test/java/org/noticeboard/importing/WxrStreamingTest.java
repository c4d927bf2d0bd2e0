package org.noticeboard.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticeboard.support.GeneratedWxr;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
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

        assertThat(readInSmallHeap(file)).startsWith((POSTS + POSTS / 100) + " items, " + POSTS + " comments, ");
    }

    /** One post's body of 200 MB, in a CDATA section as WordPress writes bodies: read no further than can be used. */
    @Test
    void aBodySixTimesTheHeapIsCutAsItIsRead(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("long-body.xml");
        try (Writer xml = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            xml.write("""
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                        xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                    <item><title>Long</title><content:encoded><![CDATA[""");
            String paragraph = "<p>" + "a".repeat(1_000) + "</p>\n";
            for (int i = 0; i < 200_000; i++) {
                xml.write(paragraph);
            }
            xml.write("]]></content:encoded></item></channel></rss>");
        }
        assertThat(readInSmallHeap(file)).isEqualTo("1 items, 0 comments, longest body " + WxrReader.MAX_FIELD_LENGTH);
    }

    private static String readInSmallHeap(Path file) throws IOException, InterruptedException {
        Process reading = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CountItems.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(reading.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reading.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(reading.exitValue()).as(output).isZero();
        return output.strip();
    }

    /** Reads the whole file as the importer's passes do, keeping nothing of an item once the next is read. */
    public static final class CountItems {
        public static void main(String[] args) throws IOException {
            long items = 0;
            long comments = 0;
            int longestBody = 0;
            try (InputStream in = Files.newInputStream(Path.of(args[0])); WxrReader wxr = new WxrReader(in)) {
                WxrReader.Element element;
                while ((element = wxr.next()) != null) {
                    if (element instanceof WxrReader.Item item) {
                        items++;
                        comments += item.comments().size();
                        longestBody = Math.max(longestBody, item.content().length());
                    }
                }
            }
            System.out.println(items + " items, " + comments + " comments, longest body " + longestBody);
        }
    }
}
