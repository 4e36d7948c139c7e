package dev.jsrun.internal.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.jsrun.InvalidSnapshotException;

/**
 * The snapshot file: magic, format version, a header (V8 and Javet versions, flags,
 * scripts, hash, times), the V8 heap image, then a SHA-256 of everything before it.
 * Decoding verifies all of it before any byte can reach V8.
 */
public final class SnapshotFormat {

    private static final byte[] MAGIC = { 'J', 'S', 'R', 'U', 'N', 'S', 'N', 'P' };

    private static final int FORMAT_VERSION = 1;

    private static final int DIGEST_LENGTH = 32;

    private static final int MAX_SCRIPTS = 100_000;

    private SnapshotFormat() {
    }

    public static byte[] encode(SnapshotImage snapshot) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(snapshot.size() + 1024);
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(snapshot.v8Version());
            out.writeUTF(snapshot.javetVersion());
            out.writeUTF(snapshot.v8Flags());
            out.writeUTF(snapshot.contentHash());
            out.writeLong(snapshot.createdAt().toEpochMilli());
            out.writeLong(snapshot.buildTime().toNanos());
            out.writeInt(snapshot.scriptNames().size());
            for (String name : snapshot.scriptNames()) {
                out.writeUTF(name);
            }
            out.writeInt(snapshot.size());
            out.write(snapshot.blob());
            out.flush();
            byte[] body = buffer.toByteArray();
            byte[] digest = sha256(body, body.length);
            byte[] file = Arrays.copyOf(body, body.length + DIGEST_LENGTH);
            System.arraycopy(digest, 0, file, body.length, DIGEST_LENGTH);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static SnapshotImage decode(byte[] bytes) {
        if (bytes.length < MAGIC.length + 4 + DIGEST_LENGTH) {
            throw new InvalidSnapshotException(bytes.length == 0 ? "file is empty"
                    : "file is too short to be a snapshot (" + bytes.length + " bytes)");
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new InvalidSnapshotException("not a jsrun snapshot file (wrong magic number)");
        }
        int bodyLength = bytes.length - DIGEST_LENGTH;
        byte[] expected = sha256(bytes, bodyLength);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, bodyLength, bytes.length))) {
            throw new InvalidSnapshotException("checksum mismatch: the file is truncated or damaged");
        }
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(bytes, MAGIC.length, bodyLength - MAGIC.length))) {
            int format = in.readInt();
            if (format != FORMAT_VERSION) {
                throw new InvalidSnapshotException(
                        "unsupported snapshot format version " + format + " (this jsrun reads " + FORMAT_VERSION + ")");
            }
            String v8Version = in.readUTF();
            String javetVersion = in.readUTF();
            String flags = in.readUTF();
            String contentHash = in.readUTF();
            Instant createdAt = Instant.ofEpochMilli(in.readLong());
            Duration buildTime = Duration.ofNanos(in.readLong());
            int scriptCount = in.readInt();
            if (scriptCount < 0 || scriptCount > MAX_SCRIPTS) {
                throw new InvalidSnapshotException("corrupt header: " + scriptCount + " scripts");
            }
            List<String> scripts = new ArrayList<>(scriptCount);
            for (int i = 0; i < scriptCount; i++) {
                scripts.add(in.readUTF());
            }
            int blobLength = in.readInt();
            if (blobLength <= 0 || blobLength != in.available()) {
                throw new InvalidSnapshotException(
                        "corrupt header: heap image length " + blobLength + " does not match the file");
            }
            byte[] blob = in.readNBytes(blobLength);
            SnapshotImage snapshot = new SnapshotImage(blob, v8Version, javetVersion, flags, scripts, contentHash,
                    createdAt, buildTime);
            snapshot.requireCompatible();
            return snapshot;
        }
        catch (IOException ex) {
            throw new InvalidSnapshotException("corrupt header: " + ex.getMessage(), ex);
        }
    }

    static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
