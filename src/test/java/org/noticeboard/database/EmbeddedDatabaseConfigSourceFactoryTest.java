package org.noticeboard.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseConfigSourceFactoryTest {

    private final EmbeddedDatabaseConfigSourceFactory factory = new EmbeddedDatabaseConfigSourceFactory();

    @Test
    void productionWithoutADatabaseRefusesToStartNamingTheVariables() {
        List<ConfigSource> sources = sources(context(List.of("prod"), Map.of()));

        assertThat(sources).hasSize(1);
        assertThatThrownBy(() -> sources.get(0).getValue("quarkus.datasource.jdbc.url"))
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL")
                .hasMessageContaining("QUARKUS_DATASOURCE_USERNAME")
                .hasMessageContaining("QUARKUS_DATASOURCE_PASSWORD")
                .hasMessageContaining("NOTICEBOARD_EMBEDDED_DATABASE=true");
    }

    @Test
    void aConfiguredDatabaseIsLeftAlone() {
        assertThat(sources(context(List.of("prod"), Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x"))))
                .isEmpty();
        assertThat(sources(context(List.of("dev"), Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x"))))
                .isEmpty();
    }

    @Test
    void embeddedDatabaseIsNotStartedUntilTheUrlIsRead() {
        List<ConfigSource> sources = sources(context(List.of("prod"), Map.of("noticeboard.embedded-database", "true")));

        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).getPropertyNames()).isEmpty();
        assertThat(sources.get(0).getValue("some.other.property")).isNull();
    }

    private List<ConfigSource> sources(ConfigSourceContext context) {
        return StreamSupport.stream(factory.getConfigSources(context).spliterator(), false).toList();
    }

    private static ConfigSourceContext context(List<String> profiles, Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public List<ConfigSource> getConfigSources() {
                return List.of();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }
}
