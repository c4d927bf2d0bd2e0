package org.noticeboard.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Says at start-up which database the application uses and where its data lives. */
class DatabaseStartupLog {

    private static final Logger LOG = Logger.getLogger(DatabaseStartupLog.class);

    void logDatabase(@Observes StartupEvent event,
                     @ConfigProperty(name = EmbeddedDatabaseConfigSourceFactory.URL) String url,
                     @ConfigProperty(name = EmbeddedDatabaseConfigSourceFactory.ACTIVE_DIRECTORY) Optional<String> embeddedDirectory) {
        String withoutSecrets = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        if (embeddedDirectory.isPresent()) {
            LOG.infof("Database: embedded PostgreSQL at %s (user %s), data directory %s",
                    withoutSecrets, EmbeddedPostgresServer.USER, embeddedDirectory.get());
        } else {
            LOG.infof("Database: PostgreSQL at %s", withoutSecrets);
        }
    }
}
