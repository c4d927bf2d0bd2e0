package org.noticeboard.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.WireEnum;
import org.noticeboard.export.SiteExporter;
import org.noticeboard.export.SiteRestorer;
import org.noticeboard.importing.FeedImporter;
import org.noticeboard.importing.ImportProgress;
import org.noticeboard.importing.ImportSource;
import org.noticeboard.importing.WordPressImporter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: the same imports, restore and export as the API, on a file, against the configured database.
 * Exit status 0 when done, 1 when the file or the database refused (the problem is printed), 2 for a usage error.
 */
@ApplicationScoped
public class Commands {

    static final String USAGE = """
            Usage: java -jar quarkus-run.jar COMMAND
              import wordpress FILE [--dry-run] [--tags=drop|categories]   a WordPress export (WXR)
              import feed FILE [--dry-run]                                 an RSS 2.0 or Atom feed
              restore FILE [--dry-run]                                     a noticeboard-export, into an empty site
              export [--full] [--output=FILE]                              the whole site (standard output by default)
            Without a command the API is served. The database is the configured one (QUARKUS_DATASOURCE_JDBC_URL...).
            """;

    private final WordPressImporter wordpress;
    private final FeedImporter feeds;
    private final SiteRestorer restorer;
    private final SiteExporter exporter;
    private final ObjectMapper json;
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    Commands(WordPressImporter wordpress, FeedImporter feeds, SiteRestorer restorer, SiteExporter exporter,
             ObjectMapper json) {
        this.wordpress = wordpress;
        this.feeds = feeds;
        this.restorer = restorer;
        this.exporter = exporter;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** For tests: where the command's output and messages go. */
    void printTo(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        List<String> words = new ArrayList<>(List.of(args));
        try {
            String command = words.isEmpty() ? "" : words.remove(0);
            switch (command) {
                case "import" -> importFile(words);
                case "restore" -> restore(words);
                case "export" -> export(words);
                case "help", "--help", "-h" -> out.print(USAGE);
                default -> throw new Usage("Unknown command '" + command + "'");
            }
            return 0;
        } catch (Usage usage) {
            err.println(usage.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ProblemException refused) {
            err.println("Refused (" + refused.type().uri() + "): " + refused.getMessage());
            if (refused.errors() != null) {
                refused.errors().forEach(error -> err.println("  " + error.field() + ": " + error.message()));
            }
            if (!refused.getMessage().contains("Nothing was")) {
                err.println("Nothing was changed.");
            }
            return 1;
        } catch (IOException e) {
            err.println("Could not read or write a file: " + e.getMessage());
            return 1;
        }
    }

    private void importFile(List<String> words) throws IOException {
        if (words.isEmpty()) {
            throw new Usage("import: say what the file is: wordpress or feed");
        }
        String kind = words.remove(0);
        boolean dryRun = flag(words, "--dry-run");
        String tags = option(words, "--tags", "drop");
        Path file = file(words);
        Object report = switch (kind) {
            case "wordpress" -> {
                WordPressImporter.Tags tagPolicy;
                try {
                    tagPolicy = WireEnum.parse(WordPressImporter.Tags.class, tags);
                } catch (IllegalArgumentException e) {
                    throw new Usage("--tags must be drop or categories, not '" + tags + "'");
                }
                yield wordpress.importSite(ImportSource.of(file), tagPolicy, dryRun, progress());
            }
            case "feed" -> feeds.importFeed(Files.readAllBytes(file), dryRun);
            default -> throw new Usage("import: unknown kind '" + kind + "'; wordpress or feed");
        };
        err.println(dryRun ? "Dry run: nothing was written; the report says what an import would do." : "Imported.");
        out.println(json.writeValueAsString(report));
    }

    private void restore(List<String> words) throws IOException {
        boolean dryRun = flag(words, "--dry-run");
        Path file = file(words);
        try (InputStream document = Files.newInputStream(file)) {
            out.println(json.writeValueAsString(restorer.restore(document, dryRun)));
        }
        err.println(dryRun ? "Dry run: nothing was written." : "Restored.");
    }

    private void export(List<String> words) throws IOException {
        boolean full = flag(words, "--full");
        String output = option(words, "--output", null);
        requireNoMore(words);
        if (output == null) {
            OutputStream stream = new BufferedOutputStream(out);
            exporter.write(stream, full);
            stream.flush();
            return;
        }
        Path target = Path.of(output);
        // Written beside the target and moved over it at the end: a failed export never leaves a partial file.
        Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), ".noticeboard-export-", ".part");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial))) {
            exporter.write(stream, full);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        err.println("Exported to " + target + " (" + Files.size(target) + " bytes)");
    }

    /** Progress on standard error, at most once a second: items read of the file's items. */
    private ImportProgress progress() {
        long[] last = {0};
        return (done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] >= 1_000_000_000L || done == total) {
                last[0] = now;
                err.printf("%,d of %,d items%n", done, total);
            }
        };
    }

    private static Path file(List<String> words) {
        if (words.size() != 1) {
            throw new Usage(words.isEmpty() ? "Name the file" : "Unexpected arguments: " + String.join(" ", words));
        }
        Path file = Path.of(words.get(0));
        if (!Files.isReadable(file)) {
            throw new Usage("Cannot read " + file);
        }
        return file;
    }

    private static boolean flag(List<String> words, String name) {
        return words.remove(name);
    }

    private static String option(List<String> words, String name, String fallback) {
        for (String word : List.copyOf(words)) {
            if (word.startsWith(name + "=")) {
                words.remove(word);
                return word.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    private static void requireNoMore(List<String> words) {
        if (!words.isEmpty()) {
            throw new Usage("Unexpected arguments: " + String.join(" ", words));
        }
    }

    /** A command line that says nothing the commands know. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
