package dev.jsrun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A V8 heap captured after running a list of scripts: the state every runtime restored
 * from it starts in. Immutable. A snapshot comes from {@code SnapshotBuilder.build()} or,
 * verified, from a file through {@code Snapshots.read(Path)} /
 * {@code Snapshots.fromBytes(byte[])}; runtimes refuse any other implementation, since V8
 * aborts the process on a damaged heap image.
 */
public interface Snapshot {

    /**
     * Writes the snapshot with a verifiable header; the file appears whole or not at all.
     */
    void writeTo(Path file) throws IOException;

    /** The snapshot in the file format of {@link #writeTo(Path)}. */
    byte[] toByteArray();

    /** The V8 version that made the snapshot. */
    String v8Version();

    /** The Javet version that made the snapshot. */
    String javetVersion();

    /** The V8 flags in force when the snapshot was made. */
    String v8Flags();

    /** The scripts that were run into the snapshot, in order. */
    List<String> scriptNames();

    /**
     * SHA-256 (hex) over the scripts' names and sources: equal scripts give equal hashes.
     */
    String contentHash();

    /** The size of the V8 heap image in bytes. */
    int size();

    /** When the snapshot was made. */
    Instant createdAt();

    /** How long running the scripts and capturing the heap took. */
    Duration buildTime();

}
