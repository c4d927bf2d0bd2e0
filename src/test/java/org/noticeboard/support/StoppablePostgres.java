package org.noticeboard.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of its own for a test profile whose tests stop the database. Stopping the server
 * every other test shares could leave it down for them; this one is thrown away with its profile.
 * <p>
 * Tests reach it through {@link #control()}: the resource and the test may live in different class
 * loaders, so what they share is the configuration, not an object.
 */
public class StoppablePostgres implements QuarkusTestResourceLifecycleManager {

    private static final String DIRECTORY = "noticeboard.test.stoppable-postgres.directory";
    private static final String PG_CTL = "noticeboard.test.stoppable-postgres.pg-ctl";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            Path directory = Files.createTempDirectory("noticeboard-stoppable-postgres-");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres",
                    DIRECTORY, directory.toString(),
                    PG_CTL, pgCtlBeside(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a stoppable PostgreSQL", e);
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The server of the running test profile. */
    public static Control control() {
        var config = ConfigProvider.getConfig();
        return new Control(config.getValue(PG_CTL, String.class), config.getValue(DIRECTORY, String.class));
    }

    public record Control(String pgCtl, String directory) {

        /** A fast shutdown, as an operator's restart does it: sessions end at once, open transactions roll back. */
        public void stop() {
            run("stop", "-m", "fast");
        }

        /**
         * Starts it again on the same port with the same data. {@code restart} rather than {@code start}: it reuses
         * the options of the last start (port included), which PostgreSQL keeps in postmaster.opts. The server's
         * log goes to a file, as it would otherwise hold this JVM's pipe open.
         */
        public void start() {
            run("restart", "-l", Path.of(directory, "restarted.log").toString());
        }

        private void run(String... action) {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root. Like zonky, run it in a user namespace, where root is nobody.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl, "-D", directory, "-w", "-t", "60"));
            command.addAll(List.of(action));
            try {
                Path output = Files.createTempFile("pg_ctl-", ".out");
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                boolean done = process.waitFor(90, TimeUnit.SECONDS);
                String said = Files.readString(output);
                Files.delete(output);
                if (!done || process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed:\n" + said);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The running postmaster's own binary tells where the embedded binaries were unpacked. */
    private static String pgCtlBeside(Path directory) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        String postgresBinary = ProcessHandle.of(pid).flatMap(process -> process.info().command())
                .orElseThrow(() -> new IllegalStateException("Cannot tell where PostgreSQL " + pid + " runs from"));
        return Path.of(postgresBinary).resolveSibling("pg_ctl").toString();
    }
}
