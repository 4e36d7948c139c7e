package dev.jsrun.internal.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.jsrun.InvalidSnapshotException;
import dev.jsrun.Snapshot;

/**
 * The one implementation of {@link Snapshot}: the V8 heap image with the header of its
 * file. Its bytes reach V8 only after they were produced by the snapshot builder in this
 * JVM or decoded by {@link SnapshotFormat}, which verifies them first; a {@link Snapshot}
 * of any other class is refused, since V8 aborts the process on a damaged image.
 */
public final class SnapshotImage implements Snapshot {

    private final byte[] blob;

    private final String v8Version;

    private final String javetVersion;

    private final String v8Flags;

    private final List<String> scriptNames;

    private final String contentHash;

    private final Instant createdAt;

    private final Duration buildTime;

    public SnapshotImage(byte[] blob, String v8Version, String javetVersion, String v8Flags, List<String> scriptNames,
            String contentHash, Instant createdAt, Duration buildTime) {
        this.blob = Objects.requireNonNull(blob, "blob");
        this.v8Version = v8Version;
        this.javetVersion = javetVersion;
        this.v8Flags = v8Flags;
        this.scriptNames = List.copyOf(scriptNames);
        this.contentHash = contentHash;
        this.createdAt = createdAt;
        this.buildTime = buildTime;
    }

    /**
     * The implementation behind {@code snapshot}, refusing one that jsrun did not make or
     * verify.
     */
    public static SnapshotImage of(Snapshot snapshot) {
        if (snapshot instanceof SnapshotImage image) {
            return image;
        }
        throw new IllegalArgumentException("Not a snapshot made by SnapshotBuilder or read by Snapshots: "
                + (snapshot == null ? "null" : snapshot.getClass().getName()));
    }

    /**
     * Writes the snapshot with a verifiable header; the file appears whole or not at all.
     */
    @Override
    public void writeTo(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, toByteArray());
            try {
                Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            catch (java.nio.file.AtomicMoveNotSupportedException ex) {
                Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The snapshot in the file format of {@link #writeTo(Path)}. */
    @Override
    public byte[] toByteArray() {
        return SnapshotFormat.encode(this);
    }

    /**
     * Refuses a snapshot made for another V8 build or other V8 flags: V8 aborts the
     * process on one.
     */
    public void requireCompatible() {
        String runningV8 = V8Runtimes.v8Version();
        String runningJavet = V8Runtimes.javetVersion();
        if (!this.v8Version.equals(runningV8) || !this.javetVersion.equals(runningJavet)) {
            throw new InvalidSnapshotException("snapshot was made by V8 " + this.v8Version + " (Javet "
                    + this.javetVersion + ") but this JVM runs V8 " + runningV8 + " (Javet " + runningJavet
                    + "); rebuild it from its scripts");
        }
        if (!this.v8Flags.equals(V8Runtimes.flags())) {
            throw new InvalidSnapshotException("snapshot was made with V8 flags [" + this.v8Flags
                    + "] but this JVM runs [" + V8Runtimes.flags() + "]; rebuild it from its scripts");
        }
    }

    /** The V8 heap image, not copied: callers hand it to V8 and never change it. */
    public byte[] blob() {
        return this.blob;
    }

    @Override
    public String v8Version() {
        return this.v8Version;
    }

    @Override
    public String javetVersion() {
        return this.javetVersion;
    }

    @Override
    public String v8Flags() {
        return this.v8Flags;
    }

    @Override
    public List<String> scriptNames() {
        return this.scriptNames;
    }

    @Override
    public String contentHash() {
        return this.contentHash;
    }

    @Override
    public int size() {
        return this.blob.length;
    }

    @Override
    public Instant createdAt() {
        return this.createdAt;
    }

    @Override
    public Duration buildTime() {
        return this.buildTime;
    }

    @Override
    public String toString() {
        return "Snapshot[scripts=" + this.scriptNames + ", size=" + this.blob.length + " bytes, v8=" + this.v8Version
                + ", hash=" + this.contentHash.substring(0, Math.min(12, this.contentHash.length())) + "]";
    }

}
