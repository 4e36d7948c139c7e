package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.internal.snapshot.SnapshotImage;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

class SnapshotCacheTest {

    @TempDir
    Path dir;

    private static SnapshotBuilder scripts() {
        return new SnapshotBuilder().executeScript("greet.js", "globalThis.greet = n => 'hi ' + n;");
    }

    @Test
    void storesOnFirstUseAndReusesOnTheNext() throws IOException {
        SnapshotCache cache = new SnapshotCache(this.dir);
        Snapshot built = cache.getOrBuild(scripts());
        Path file = cache.fileFor(scripts());
        assertThat(file).exists().hasFileName(file.getFileName().toString());
        assertThat(file.getFileName().toString()).matches("jsrun-[0-9a-f]{32}\\.snapshot");
        Snapshot loaded = cache.getOrBuild(scripts());
        assertThat(loaded.createdAt()).isEqualTo(built.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(loaded.contentHash()).isEqualTo(built.contentHash());
        assertRestores(loaded);
        try (var files = Files.list(this.dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void otherScriptsGetAnotherFile() {
        SnapshotCache cache = new SnapshotCache(this.dir);
        SnapshotBuilder other = new SnapshotBuilder().executeScript("greet.js",
                "globalThis.greet = n => 'hello ' + n;");
        assertThat(cache.fileFor(other)).isNotEqualTo(cache.fileFor(scripts()));
    }

    @Test
    void emptyFileIsRebuilt() throws IOException {
        assertRebuiltAfter(bytes -> new byte[0]);
    }

    @Test
    void truncatedFileIsRebuilt() throws IOException {
        assertRebuiltAfter(bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 3));
    }

    @Test
    void bitFlippedFileIsRebuilt() throws IOException {
        assertRebuiltAfter(bytes -> {
            byte[] flipped = bytes.clone();
            flipped[flipped.length / 2] ^= 0x10;
            return flipped;
        });
    }

    @Test
    void randomFileIsRebuilt() throws IOException {
        assertRebuiltAfter(bytes -> {
            byte[] random = new byte[bytes.length];
            new Random(3).nextBytes(random);
            return random;
        });
    }

    @Test
    void fileFromAnotherV8IsRebuilt() throws IOException {
        assertRebuiltAfter(bytes -> {
            Snapshot good = Snapshots.fromBytes(bytes);
            return new SnapshotImage(SnapshotImage.of(good).blob(), "12.4.254.21", good.javetVersion(), good.v8Flags(),
                    good.scriptNames(), good.contentHash(), good.createdAt(), good.buildTime())
                .toByteArray();
        });
    }

    @Test
    void fileWithOtherScriptsUnderTheKeyIsRebuilt() throws IOException {
        assertRebuiltAfter(bytes -> new SnapshotBuilder().executeScript("other.js", "globalThis.greet = () => 'wrong';")
            .build()
            .toByteArray());
    }

    @Test
    void unwritableDirectoryStillGivesASnapshot() throws IOException {
        Path blocker = Files.writeString(this.dir.resolve("not-a-directory"), "x");
        Snapshot snapshot = new SnapshotCache(blocker.resolve("cache")).getOrBuild(scripts());
        assertRestores(snapshot);
    }

    private void assertRebuiltAfter(UnaryOperator<byte[]> damage) throws IOException {
        SnapshotCache cache = new SnapshotCache(this.dir);
        cache.getOrBuild(scripts());
        Path file = cache.fileFor(scripts());
        Files.write(file, damage.apply(Files.readAllBytes(file)));
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        Snapshot rebuilt = cache.getOrBuild(scripts());
        assertRestores(rebuilt);
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("file rewritten").isPositive();
        assertThat(Snapshots.read(file).contentHash()).isEqualTo(scripts().contentHash());
    }

    private static void assertRestores(Snapshot snapshot) {
        try (var factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build());
                JsRuntime js = factory.create()) {
            assertThat(js.eval("greet('cache')")).isEqualTo("hi cache");
        }
    }

}
