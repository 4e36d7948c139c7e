package dev.jsrun.internal.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Linux's mount table to tell whether a file system forbids running code from it.
 */
final class Mounts {

    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

    private Mounts() {
    }

    /**
     * Whether {@code path} lies on a file system mounted {@code noexec}; {@code false}
     * when that cannot be told.
     */
    static boolean noexec(Path path) {
        try {
            return noexec(path.toRealPath(), Files.readAllLines(MOUNT_INFO));
        }
        catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    /**
     * Whether the mount that holds {@code path} (the deepest mount point above it) has
     * the per-mount option {@code noexec}, given the lines of
     * {@code /proc/self/mountinfo}.
     */
    static boolean noexec(Path path, List<String> mountInfo) {
        String deepest = null;
        boolean noexec = false;
        for (String line : mountInfo) {
            // id parent major:minor root mount-point options [optional fields] - type
            // source super-options
            String[] fields = line.split(" ");
            if (fields.length < 6) {
                continue;
            }
            String mountPoint = unescape(fields[4]);
            if (covers(mountPoint, path.toString()) && (deepest == null || mountPoint.length() >= deepest.length())) {
                deepest = mountPoint;
                noexec = List.of(fields[5].split(",")).contains("noexec");
            }
        }
        return noexec;
    }

    private static boolean covers(String mountPoint, String path) {
        return mountPoint.equals("/") || path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }

    /**
     * The kernel writes space, tab, newline and backslash in mount points as three octal
     * digits.
     */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

}
