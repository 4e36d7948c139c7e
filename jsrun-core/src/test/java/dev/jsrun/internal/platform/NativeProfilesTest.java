package dev.jsrun.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.jsrun.NativePlatform;

/**
 * The OS-activated profiles of jsrun-core's pom pick, for what a building JVM reports,
 * the native that {@link NativePlatform} expects at run time. Activation is evaluated as
 * Maven does: {@code name} and {@code arch} compare without case, family {@code mac}
 * means an {@code os.name} containing "mac", {@code windows} one containing "windows".
 */
class NativeProfilesTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Linux      | amd64
            Linux      | x86_64
            Linux      | aarch64
            Mac OS X   | aarch64
            Mac OS X   | x86_64
            Windows 11 | amd64
            Windows 10 | amd64
            """)
    void exactlyOneProfileAddsTheNativeTheRuntimeLooksFor(String osName, String osArch) throws Exception {
        List<String> added = new ArrayList<>();
        NodeList profiles = pom().getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            NodeList os = profile.getElementsByTagName("os");
            if (os.getLength() == 1 && activates((Element) os.item(0), osName, osArch)) {
                NodeList artifacts = profile.getElementsByTagName("artifactId");
                for (int j = 0; j < artifacts.getLength(); j++) {
                    added.add(artifacts.item(j).getTextContent().trim());
                }
            }
        }
        assertThat(added).containsExactly(NativePlatform.of(osName, osArch, false).artifactId().orElseThrow());
    }

    private static boolean activates(Element os, String osName, String osArch) {
        String name = text(os, "name");
        String family = text(os, "family");
        String arch = text(os, "arch");
        String lowerName = osName.toLowerCase(Locale.ROOT);
        return (name == null || name.equalsIgnoreCase(osName))
                && (family == null || lowerName.contains(family.toLowerCase(Locale.ROOT)))
                && (arch == null || arch.equalsIgnoreCase(osArch));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return (nodes.getLength() == 0) ? null : nodes.item(0).getTextContent().trim();
    }

    private static Document pom() throws Exception {
        // surefire runs in the module's directory
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

}
