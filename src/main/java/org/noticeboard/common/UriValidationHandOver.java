package org.noticeboard.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;

/**
 * Hands the check that a request target is a valid URI from Quarkus to {@link RequestGuard}. Quarkus makes it
 * in its root handler, before any route, and answers a failure (bad percent-encoding, a backslash, a space) with
 * an empty 400 that no application code can turn into a problem; the JVM property
 * {@code vertx.disableURIValidation}, read once when that handler is created, turns it off. The guard parses the
 * same target with java.net.URI, and checks more, before anything else reads it.
 * <p>
 * This factory supplies no configuration. It is here because runtime configuration is built before the first
 * HTTP step, in every launch mode (jar, dev, tests), which makes it the earliest point the application's own code
 * runs without a custom main or a command-line flag that every way of starting the server would have to repeat.
 */
public class UriValidationHandOver implements ConfigSourceFactory {

    static final String PROPERTY = "vertx.disableURIValidation";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        System.setProperty(PROPERTY, "true");
        return List.of();
    }
}
