package dev.jsrun.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.jsrun.InvalidSnapshotException;
import dev.jsrun.Snapshot;
import dev.jsrun.internal.snapshot.V8Runtimes;

/**
 * Snapshot files in a directory, keyed by the scripts' content hash and the V8 build and
 * flags, so that an application restarts from the file instead of running its scripts
 * again. A file that is damaged, empty, foreign or from another V8 is ignored with a
 * warning and rebuilt; none of its bytes reaches V8.
 */
public final class SnapshotCache {

    private static final Logger logger = LoggerFactory.getLogger(SnapshotCache.class);

    private final Path directory;

    public SnapshotCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The file that holds, or will hold, the snapshot of {@code builder}'s scripts for
     * this V8.
     */
    public Path fileFor(SnapshotBuilder builder) {
        return this.directory.resolve("jsrun-" + key(builder) + ".snapshot");
    }

    /**
     * The cached snapshot of {@code builder}'s scripts, or a new one that is then stored.
     */
    public Snapshot getOrBuild(SnapshotBuilder builder) {
        Path file = fileFor(builder);
        Snapshot cached = load(file, builder.contentHash());
        if (cached != null) {
            return cached;
        }
        Snapshot built = builder.build();
        try {
            built.writeTo(file);
            logger.debug("Stored JavaScript snapshot in {}", file);
        }
        catch (IOException | RuntimeException ex) {
            logger.warn("Could not store the JavaScript snapshot in {} ({}); the next start builds it again", file,
                    ex.toString());
        }
        return built;
    }

    private static Snapshot load(Path file, String contentHash) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            Snapshot snapshot = Snapshots.read(file);
            if (snapshot.contentHash().equals(contentHash)) {
                logger.debug("Loaded JavaScript snapshot from {}", file);
                return snapshot;
            }
            logger.warn("Ignoring snapshot file {}: it holds other scripts; rebuilding it", file);
        }
        catch (InvalidSnapshotException ex) {
            logger.warn("Ignoring snapshot file {} ({}); rebuilding it", file, ex.getMessage());
        }
        catch (IOException ex) {
            logger.warn("Ignoring unreadable snapshot file {} ({}); rebuilding it", file, ex.toString());
        }
        return null;
    }

    private static String key(SnapshotBuilder builder) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { builder.contentHash(), V8Runtimes.v8Version(), V8Runtimes.javetVersion(),
                    V8Runtimes.flags() }) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
