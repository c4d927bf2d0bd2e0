package org.noticeboard.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.noticeboard.user.UserService;

import java.util.Optional;

/**
 * The first admin of an empty database comes from NOTICEBOARD_ADMIN_EMAIL and NOTICEBOARD_ADMIN_PASSWORD.
 * Only dev mode has defaults (see application.properties); production has no default password.
 */
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void createFirstAdmin(@Observes StartupEvent event, UserService users,
                          @ConfigProperty(name = "noticeboard.admin.email") Optional<String> email,
                          @ConfigProperty(name = "noticeboard.admin.password") Optional<String> password,
                          @ConfigProperty(name = "noticeboard.admin.display-name", defaultValue = "Administrator") String name) {
        if (email.isEmpty() || password.isEmpty()) {
            if (!users.anyExist()) {
                LOG.warn("No users exist and NOTICEBOARD_ADMIN_EMAIL / NOTICEBOARD_ADMIN_PASSWORD are not set: "
                        + "nobody can sign in until they are (the first admin is created at start-up)");
            }
            return;
        }
        if (users.createFirstAdmin(email.get(), name, password.get())) {
            LOG.infof("Created the first admin, %s", email.get());
        }
    }
}
