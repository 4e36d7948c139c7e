package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.unit.DataSize;

import dev.jsrun.V8Setup;

/** Every property is documented, with its default, in the metadata that IDEs read. */
class ConfigurationMetadataTest {

    /** Defaults that apply when a property is unset, though its field holds none. */
    private static final Map<String, Object> APPLIED_WHEN_UNSET = Map.of("jsrun.runtime.max-heap-size",
            DataSize.ofBytes(V8Setup.DEFAULT_MAX_HEAP_SIZE));

    private static List<Map<String, Object>> properties;

    @BeforeAll
    static void readGeneratedMetadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class
            .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata (spring-boot-configuration-processor)").isNotNull();
            properties = JsonPath.read(in, "$.properties");
        }
    }

    @Test
    void everyPropertyHasADescription() {
        assertThat(properties).extracting(property -> property.get("name"))
            .contains("jsrun.enabled", "jsrun.snapshot.scripts", "jsrun.runtime.timeout", "jsrun.runtime.max-heap-size",
                    "jsrun.runtime.console-logger", "jsrun.pool.name", "jsrun.pool.max-size", "jsrun.pool.min-idle",
                    "jsrun.pool.max-wait", "jsrun.pool.idle-timeout", "jsrun.pool.eviction-interval",
                    "jsrun.pool.max-uses", "jsrun.pool.shutdown-timeout", "jsrun.pool.cleaner-threads",
                    "jsrun.native-library.directory", "management.health.jsrun.enabled");
        assertThat(properties).allSatisfy(property -> assertThat((String) property.get("description"))
            .as("description of %s", property.get("name"))
            .isNotBlank()
            .endsWith("."));
        assertThat(properties).filteredOn(property -> "java.lang.Boolean".equals(property.get("type")))
            .allSatisfy(property -> assertThat((String) property.get("description"))
                .as("description of %s", property.get("name"))
                .startsWith("Whether"));
        assertThat(properties)
            .filteredOn(property -> String.valueOf(property.get("name")).matches(".*(timeout|wait|interval)"))
            .allSatisfy(property -> assertThat(property.get("type")).isEqualTo("java.time.Duration"));
    }

    @Test
    void everyJsrunPropertyWithADefaultHasItInTheMetadata() {
        BeanWrapper defaults = PropertyAccessorFactory.forBeanPropertyAccess(new JsRunProperties());
        assertThat(properties).filteredOn(property -> String.valueOf(property.get("name")).startsWith("jsrun."))
            .hasSizeGreaterThan(20)
            .allSatisfy(property -> {
                String name = (String) property.get("name");
                String path = camelCase(name.substring("jsrun.".length()));
                Object expected = APPLIED_WHEN_UNSET.getOrDefault(name, defaults.getPropertyValue(path));
                Object documented = property.get("defaultValue");
                if (expected == null || (expected instanceof Collection<?> collection && collection.isEmpty())) {
                    assertThat(documented).as("default of %s", name).isNull();
                }
                else {
                    assertThat(documented).as("default of %s", name).isNotNull();
                    TypeDescriptor type = defaults.getPropertyTypeDescriptor(path);
                    assertThat(ApplicationConversionService.getSharedInstance()
                        .convert(documented, TypeDescriptor.forObject(documented), type)).as("default of %s", name)
                        .isEqualTo(expected);
                }
            });
    }

    @Test
    void aDefaultComputedAtStartupIsGivenInTheDescription() {
        assertThat(properties).filteredOn(property -> "jsrun.pool.cleaner-threads".equals(property.get("name")))
            .singleElement()
            .satisfies(property -> assertThat((String) property.get("description"))
                .contains("Defaults to the number of available processors"));
    }

    @Test
    void theHealthIndicatorSwitchIsDocumented() {
        assertThat(properties).filteredOn(property -> "management.health.jsrun.enabled".equals(property.get("name")))
            .singleElement()
            .satisfies(property -> assertThat(property).containsEntry("type", "java.lang.Boolean")
                .containsEntry("defaultValue", true));
    }

    private static String camelCase(String dashed) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            }
            else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

}
