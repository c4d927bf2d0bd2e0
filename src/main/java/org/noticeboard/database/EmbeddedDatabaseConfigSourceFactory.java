package org.noticeboard.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Supplies the datasource settings when none are configured: in dev and test, or in any profile with
 * {@code noticeboard.embedded-database=true}, they point at an embedded PostgreSQL; otherwise the
 * application refuses to start and names the variables to set.
 * <p>
 * The embedded server starts lazily, when the datasource URL is first read, so that building the
 * application never starts a database.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String ENABLED = "noticeboard.embedded-database";
    static final String DIRECTORY = "noticeboard.embedded-database.directory";
    static final String DATABASE_NAME = "noticeboard.embedded-database.name";
    static final String PORT = "noticeboard.embedded-database.port";
    /** Read by {@link DatabaseStartupLog}; set only when the embedded server is in use. */
    static final String ACTIVE_DIRECTORY = "noticeboard.embedded-database.active-directory";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(URL))) {
            return List.of();
        }
        List<String> profiles = context.getProfiles();
        boolean devOrTest = profiles.contains("dev") || profiles.contains("test");
        String enabled = value(context, ENABLED, Boolean.toString(devOrTest));
        if (!Boolean.parseBoolean(enabled.trim())) {
            return List.of(new MissingDatabaseConfigSource());
        }
        boolean test = profiles.contains("test");
        String directory = value(context, DIRECTORY, test ? "" : ".data/postgres");
        String databaseName = value(context, DATABASE_NAME, "noticeboard");
        String port = value(context, PORT, "0");
        return List.of(new EmbeddedConfigSource(new EmbeddedPostgresSettings(directory, databaseName, Integer.parseInt(port))));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return isSet(value) ? value.getValue() : fallback;
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** Below application.properties (250) and the environment (300), so any real setting wins. */
    private abstract static class LowOrdinalConfigSource implements ConfigSource {
        @Override
        public int getOrdinal() {
            return 50;
        }

        @Override
        public Set<String> getPropertyNames() {
            // Empty on purpose: listing the names would let config tooling read them eagerly.
            return Set.of();
        }
    }

    private static final class EmbeddedConfigSource extends LowOrdinalConfigSource {
        private final EmbeddedPostgresSettings settings;

        EmbeddedConfigSource(EmbeddedPostgresSettings settings) {
            this.settings = settings;
        }

        @Override
        public String getValue(String propertyName) {
            return switch (propertyName) {
                case URL -> EmbeddedPostgresServer.jdbcUrl(settings);
                case ACTIVE_DIRECTORY -> EmbeddedPostgresServer.dataDirectory(settings);
                default -> null;
            };
        }

        @Override
        public String getName() {
            return "noticeboard-embedded-postgresql";
        }
    }

    private static final class MissingDatabaseConfigSource extends LowOrdinalConfigSource {
        @Override
        public String getValue(String propertyName) {
            if (URL.equals(propertyName)) {
                throw new IllegalStateException("""
                        No database is configured. Set QUARKUS_DATASOURCE_JDBC_URL \
                        (e.g. jdbc:postgresql://db.example.org:5432/noticeboard), QUARKUS_DATASOURCE_USERNAME \
                        and QUARKUS_DATASOURCE_PASSWORD, or set NOTICEBOARD_EMBEDDED_DATABASE=true to run on an \
                        embedded PostgreSQL.""");
            }
            return null;
        }

        @Override
        public String getName() {
            return "noticeboard-missing-database";
        }
    }
}
