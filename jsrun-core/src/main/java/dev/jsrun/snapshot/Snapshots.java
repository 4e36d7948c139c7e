package dev.jsrun.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.jsrun.InvalidSnapshotException;
import dev.jsrun.Snapshot;
import dev.jsrun.internal.snapshot.SnapshotFormat;

/**
 * Reads snapshots back from the file format of {@link Snapshot#writeTo(Path)}, verifying
 * every byte first.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * Reads a snapshot written by {@link Snapshot#writeTo(Path)}.
     * @throws InvalidSnapshotException when the file is not a complete, intact snapshot
     * for this V8
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

    /**
     * Decodes {@link Snapshot#toByteArray()}'s output, verifying it as
     * {@link #read(Path)} does.
     */
    public static Snapshot fromBytes(byte[] bytes) {
        return SnapshotFormat.decode(bytes);
    }

}
