package org.noticeboard.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One embedded PostgreSQL server per JVM, started on first use.
 * <p>
 * Dev-mode live reload and test profiles restart the application in new class loaders, so the running
 * server is remembered in system properties rather than in a static field; every restart reuses it.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    private static final String RUNNING_PORT = "noticeboard.internal.embedded-postgres.port";
    private static final String RUNNING_DIRECTORY = "noticeboard.internal.embedded-postgres.directory";

    private EmbeddedPostgresServer() {
    }

    static synchronized String jdbcUrl(EmbeddedPostgresSettings settings) {
        int port = start(settings);
        createDatabaseIfMissing(port, settings.databaseName());
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + settings.databaseName() + "?user=" + USER;
    }

    static synchronized String dataDirectory(EmbeddedPostgresSettings settings) {
        start(settings);
        return System.getProperty(RUNNING_DIRECTORY);
    }

    private static int start(EmbeddedPostgresSettings settings) {
        String running = System.getProperty(RUNNING_PORT);
        if (running != null) {
            return Integer.parseInt(running);
        }
        try {
            boolean throwAway = settings.directory().isBlank();
            Path directory = throwAway
                    ? Files.createTempDirectory("noticeboard-postgres-")
                    : Path.of(settings.directory()).toAbsolutePath().normalize();
            Files.createDirectories(directory);
            stopLeftoverServer(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(throwAway)
                    .setRegisterShutdownHook(false)
                    .setPort(settings.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            long pid = readPostmasterPid(directory).orElseThrow();
            Runtime.getRuntime().addShutdownHook(new Thread(new Stopper(pid, throwAway ? directory : null),
                    "noticeboard-embedded-postgres-stopper"));
            System.setProperty(RUNNING_PORT, Integer.toString(postgres.getPort()));
            System.setProperty(RUNNING_DIRECTORY, directory.toString());
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** A server left running by a JVM that was killed would block the data directory. */
    private static void stopLeftoverServer(Path directory) {
        readPostmasterPid(directory)
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(process -> {
                    process.destroy();
                    try {
                        process.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("A PostgreSQL server (pid " + process.pid()
                                + ") still runs on " + directory + "; stop it and start again", e);
                    }
                });
    }

    private static Optional<Long> readPostmasterPid(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void createDatabaseIfMissing(int port, String databaseName) {
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = new org.postgresql.Driver().connect(adminUrl, credentials())) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, databaseName);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + databaseName.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database " + databaseName, e);
        }
    }

    private static java.util.Properties credentials() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", USER);
        return properties;
    }

    /**
     * Runs at JVM exit, when the application class loader may already be closed: it uses JDK classes only.
     * SIGTERM asks PostgreSQL for a smart shutdown, which completes once this JVM's connections close.
     */
    private static final class Stopper implements Runnable {
        private final long pid;
        private final Path throwAwayDirectory;

        Stopper(long pid, Path throwAwayDirectory) {
            this.pid = pid;
            this.throwAwayDirectory = throwAwayDirectory;
        }

        @Override
        public void run() {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty()) {
                return;
            }
            process.get().destroy();
            if (throwAwayDirectory != null) {
                try {
                    process.get().onExit().get(10, TimeUnit.SECONDS);
                    deleteRecursively(throwAwayDirectory);
                } catch (Exception ignored) {
                    // A throw-away directory under the temp directory; leaving it is harmless.
                }
            }
        }

        private static void deleteRecursively(Path path) throws IOException {
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (var children = Files.newDirectoryStream(path)) {
                    for (Path child : children) {
                        deleteRecursively(child);
                    }
                }
            }
            Files.deleteIfExists(path);
        }
    }
}
