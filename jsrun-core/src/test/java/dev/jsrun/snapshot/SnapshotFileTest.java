package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.InvalidSnapshotException;
import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.internal.snapshot.SnapshotImage;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Every damaged file is refused in Java: handing such bytes to V8 would abort the JVM.
 */
class SnapshotFileTest {

    private static Snapshot snapshot;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        snapshot = new SnapshotBuilder().executeScript("greet.js", "globalThis.greet = n => 'hi ' + n;").build();
    }

    @Test
    void roundTripRestoresTheSameState() throws IOException {
        Path file = this.dir.resolve("app.snapshot");
        snapshot.writeTo(file);
        Snapshot read = Snapshots.read(file);
        assertThat(read.scriptNames()).isEqualTo(snapshot.scriptNames());
        assertThat(read.contentHash()).isEqualTo(snapshot.contentHash());
        assertThat(read.v8Version()).isEqualTo(snapshot.v8Version());
        assertThat(read.size()).isEqualTo(snapshot.size());
        assertThat(read.createdAt()).isEqualTo(snapshot.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        try (var factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(read).build());
                JsRuntime js = factory.create()) {
            assertThat(js.eval("greet('file')")).isEqualTo("hi file");
        }
        try (var dirEntries = Files.list(this.dir)) {
            assertThat(dirEntries).containsExactly(file);
        }
    }

    @Test
    void refusesEmptyFile() throws IOException {
        assertRefused(new byte[0], "empty");
    }

    @Test
    void refusesRandomBytes() throws IOException {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        assertRefused(random, "not a jsrun snapshot");
    }

    @Test
    void refusesRawV8Blob() throws IOException {
        assertRefused(SnapshotImage.of(snapshot).blob(), "not a jsrun snapshot");
    }

    @Test
    void refusesTruncatedFiles() throws IOException {
        byte[] good = snapshot.toByteArray();
        for (int length : new int[] { 8, 12, 100, good.length / 2, good.length - 1 }) {
            assertRefused(Arrays.copyOf(good, length), "");
        }
    }

    @Test
    void refusesEveryBitFlipWeTry() throws IOException {
        byte[] good = snapshot.toByteArray();
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] bad = good.clone();
            int position = i == 0 ? 8 : random.nextInt(bad.length);
            bad[position] ^= (byte) (1 << random.nextInt(8));
            assertRefused(bad, "");
        }
    }

    @Test
    void refusesAnotherV8Version() throws IOException {
        Snapshot foreign = new SnapshotImage(SnapshotImage.of(snapshot).blob(), "13.0.245.1", snapshot.javetVersion(),
                snapshot.v8Flags(), snapshot.scriptNames(), snapshot.contentHash(), snapshot.createdAt(),
                snapshot.buildTime());
        assertRefused(foreign.toByteArray(), "V8 13.0.245.1");
    }

    @Test
    void refusesOtherV8Flags() throws IOException {
        Snapshot foreign = new SnapshotImage(SnapshotImage.of(snapshot).blob(), snapshot.v8Version(),
                snapshot.javetVersion(), "--jitless", snapshot.scriptNames(), snapshot.contentHash(),
                snapshot.createdAt(), snapshot.buildTime());
        assertRefused(foreign.toByteArray(), "flags");
    }

    private void assertRefused(byte[] content, String reason) throws IOException {
        Path file = this.dir.resolve("bad.snapshot");
        Files.write(file, content);
        assertThatThrownBy(() -> Snapshots.read(file)).isInstanceOf(InvalidSnapshotException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining(reason);
    }

}
