package dev.jsrun.internal.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import com.caoccao.javet.interop.V8Runtime;

import dev.jsrun.NativeLibraryException;
import dev.jsrun.internal.snapshot.V8Runtimes;

/**
 * Creates one V8 runtime in a JVM of its own (the native library loads once per JVM) and
 * prints where the library came from, or the problem jsrun reported:
 * {@code PROBE loaded ...} or {@code PROBE failed ...}.
 */
final class NativeLoadProbe {

    private NativeLoadProbe() {
    }

    private static String icu(V8Runtime runtime) throws Exception {
        String data = com.caoccao.javet.interop.options.V8RuntimeOptions.V8_FLAGS.getIcuDataFile();
        String intl = runtime
            .getExecutor("typeof Intl === 'object' ? new Intl.NumberFormat('de-DE').format(1234.5) : 'none'")
            .executeString();
        if (data == null) {
            return " intl=" + intl;
        }
        Path path = Path.of(data);
        return " intl=" + intl + " icu=" + path + " icuInode=" + Files.getAttribute(path, "unix:ino");
    }

    public static void main(String[] args) throws Exception {
        try (V8Runtime runtime = V8Runtimes.fresh(false)) {
            Path file = NativeLibrary.loadedFrom();
            System.out.println("PROBE loaded result=" + runtime.getExecutor("6 * 7").executeInteger() + " file=" + file
                    + " inode=" + Files.getAttribute(file, "unix:ino") + " modified="
                    + Files.getLastModifiedTime(file).toMillis() + icu(runtime));
        }
        catch (NativeLibraryException ex) {
            System.out.println("PROBE failed problem=" + ex.getProblem() + " dependency=" + ex.getDependency()
                    + " directory=" + ex.getDirectory());
            System.out.println("MESSAGE " + ex.getMessage());
        }
        System.out.println("ALIVE");
    }

}
