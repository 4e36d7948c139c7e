package dev.jsrun.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every property is documented in the metadata that IDEs read. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyHasADescription() throws IOException {
        List<Map<String, Object>> properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            properties = JsonPath.read(in, "$.properties");
        }
        assertThat(properties).extracting(property -> property.get("name"))
            .contains("jsrun.enabled", "jsrun.snapshot.scripts", "jsrun.runtime.timeout", "jsrun.pool.name",
                    "jsrun.pool.max-size", "jsrun.pool.min-idle", "jsrun.pool.max-wait", "jsrun.pool.idle-timeout",
                    "jsrun.pool.eviction-interval", "jsrun.pool.max-uses", "jsrun.pool.shutdown-timeout",
                    "jsrun.pool.cleaner-threads", "jsrun.native-library.directory");
        assertThat(properties).allSatisfy(property -> assertThat((String) property.get("description"))
            .as("description of %s", property.get("name"))
            .isNotBlank()
            .endsWith("."));
        assertThat(properties).filteredOn(property -> "jsrun.enabled".equals(property.get("name")))
            .singleElement()
            .satisfies(property -> assertThat((String) property.get("description")).startsWith("Whether"));
        assertThat(properties).filteredOn(property -> String.valueOf(property.get("name")).matches(".*(timeout|wait|interval)"))
            .allSatisfy(property -> assertThat(property.get("type")).isEqualTo("java.time.Duration"));
    }

}
