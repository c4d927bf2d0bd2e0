package org.noticeboard.demo;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Demo content on, in a database of its own so that it starts empty whatever other tests wrote. */
public class DemoContentProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("noticeboard.demo-content", "true",
                "noticeboard.embedded-database.name", "demo");
    }
}
