package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.ibm.icu.impl.ICUResourceBundle;
import com.ibm.icu.util.UResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brkitr/jaml.res} as {@link JapanesePhraseModel} writes it: a big-endian resource
 * bundle that ICU4J reads as the model ICU's {@code MlBreakEngine} loads, and that swaps
 * to the very bytes ICU's {@code genrb} writes.
 */
class JapanesePhraseModelTest {

    @TempDir
    Path dir;

    @Test
    void isABigEndianResourceBundleOfFormat2() {
        DataHeader header = DataHeader.read(JapanesePhraseModel.ITEM, JapanesePhraseModel.bigEndian());

        assertThat(header.bigEndian()).isTrue();
        assertThat(header.dataFormat()).isEqualTo("ResB");
        assertThat(header.formatVersionText()).startsWith("2.0");
        assertThat(JapanesePhraseModel.bigEndian()).hasSize(464);
    }

    @Test
    void icu4jReadsEveryFeatureTableAsAnEmptyArrayAndAnEmptyIntVector() throws Exception {
        Path file = this.dir.resolve("model/brkitr/jaml.res");
        Files.createDirectories(file.getParent());
        Files.write(file, JapanesePhraseModel.bigEndian());
        try (URLClassLoader loader = new URLClassLoader(new URL[] { this.dir.toUri().toURL() }, null)) {
            UResourceBundle jaml = ICUResourceBundle.getBundleInstance("model/brkitr", "jaml", loader,
                    ICUResourceBundle.OpenType.DIRECT);

            assertThat(jaml.getSize()).isEqualTo(26);
            for (String feature : JapanesePhraseModel.FEATURES) {
                UResourceBundle keys = jaml.get(feature + "Keys");
                UResourceBundle values = jaml.get(feature + "Values");
                assertThat(keys.getType()).as(feature).isEqualTo(UResourceBundle.ARRAY);
                assertThat(keys.getSize()).as(feature).isZero();
                assertThat(values.getType()).as(feature).isEqualTo(UResourceBundle.INT_VECTOR);
                assertThat(values.getIntVector()).as(feature).isEmpty();
            }
        }
    }

    @Test
    void swappedItIsWhatGenrbWritesForTheSameModel() throws Exception {
        assumeTrue(genrbAvailable(), "genrb is not installed");
        StringBuilder source = new StringBuilder("jaml {\n");
        for (String feature : JapanesePhraseModel.FEATURES) {
            source.append("    ").append(feature).append("Keys:array { }\n");
            source.append("    ").append(feature).append("Values:intvector { }\n");
        }
        source.append("}\n");
        Files.writeString(this.dir.resolve("jaml.txt"), source);
        Process p = new ProcessBuilder("genrb", "-q", "-d", this.dir.toString(),
                this.dir.resolve("jaml.txt").toString())
            .redirectErrorStream(true)
            .start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();
        byte[] genrb = Files.readAllBytes(this.dir.resolve("jaml.res"));

        byte[] ours = Swappers.toLittleEndian(JapanesePhraseModel.ITEM, JapanesePhraseModel.bigEndian(),
                new SwapContext() {
                    @Override
                    public String item() {
                        return JapanesePhraseModel.ITEM;
                    }

                    @Override
                    public Optional<byte[]> bigEndianItem(String other) {
                        return Optional.empty();
                    }
                });

        assertThat(ours).isEqualTo(genrb);
    }

    private static boolean genrbAvailable() {
        try {
            Process p = new ProcessBuilder("genrb", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS);
        }
        catch (java.io.IOException | InterruptedException ex) {
            return false;
        }
    }

}
