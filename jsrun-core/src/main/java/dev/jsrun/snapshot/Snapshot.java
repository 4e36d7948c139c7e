package dev.jsrun.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A V8 heap captured after running a list of scripts: the state every runtime restored from it starts in.
 * Immutable. Its bytes reach V8 only after they were produced by {@link SnapshotBuilder} in this JVM or read
 * back through {@link #read(Path)} / {@link #fromBytes(byte[])}, which verify them first.
 */
public final class Snapshot {

    private final byte[] blob;
    private final String v8Version;
    private final String javetVersion;
    private final String v8Flags;
    private final List<String> scriptNames;
    private final String contentHash;
    private final Instant createdAt;
    private final Duration buildTime;

    Snapshot(byte[] blob, String v8Version, String javetVersion, String v8Flags, List<String> scriptNames,
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
     * Reads a snapshot written by {@link #writeTo(Path)}.
     * @throws InvalidSnapshotException when the file is not a complete, intact snapshot for this V8
     * @throws IOException when the file cannot be read
     */
    public static Snapshot read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return SnapshotFormat.decode(bytes);
        }
        catch (InvalidSnapshotException ex) {
            throw new InvalidSnapshotException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** Decodes {@link #toByteArray()}'s output, verifying it as {@link #read(Path)} does. */
    public static Snapshot fromBytes(byte[] bytes) {
        return SnapshotFormat.decode(bytes);
    }

    /** Writes the snapshot with a verifiable header; the file appears whole or not at all. */
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
    public byte[] toByteArray() {
        return SnapshotFormat.encode(this);
    }

    /** Refuses a snapshot made for another V8 build or other V8 flags: V8 aborts the process on one. */
    void requireCompatible() {
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

    byte[] blob() {
        return this.blob;
    }

    /** The V8 version that made the snapshot. */
    public String v8Version() {
        return this.v8Version;
    }

    /** The Javet version that made the snapshot. */
    public String javetVersion() {
        return this.javetVersion;
    }

    /** The V8 flags in force when the snapshot was made. */
    public String v8Flags() {
        return this.v8Flags;
    }

    /** The scripts that were run into the snapshot, in order. */
    public List<String> scriptNames() {
        return this.scriptNames;
    }

    /** SHA-256 (hex) over the scripts' names and sources: equal scripts give equal hashes. */
    public String contentHash() {
        return this.contentHash;
    }

    /** The size of the V8 heap image in bytes. */
    public int size() {
        return this.blob.length;
    }

    /** When the snapshot was made. */
    public Instant createdAt() {
        return this.createdAt;
    }

    /** How long running the scripts and capturing the heap took. */
    public Duration buildTime() {
        return this.buildTime;
    }

    @Override
    public String toString() {
        return "Snapshot[scripts=" + this.scriptNames + ", size=" + this.blob.length + " bytes, v8="
                + this.v8Version + ", hash=" + this.contentHash.substring(0, Math.min(12, this.contentHash.length()))
                + "]";
    }

}
