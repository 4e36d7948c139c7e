package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalyzer;

class FailureAnalyzersRegistrationTest {

    @Test
    void analyzersAreRegisteredForSpringBoot() throws IOException {
        List<String> names = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties factories = new Properties();
            try (InputStream in = url.openStream()) {
                factories.load(in);
            }
            for (String name : factories.getProperty(FailureAnalyzer.class.getName(), "").split(",")) {
                names.add(name.trim());
            }
        }
        assertThat(names).contains(SnapshotBuildFailureAnalyzer.class.getName(),
                SnapshotScriptNotFoundFailureAnalyzer.class.getName(), NativeLibraryFailureAnalyzer.class.getName(),
                JsRuntimeUnavailableFailureAnalyzer.class.getName(), JsTerminatedFailureAnalyzer.class.getName());
    }

}
