package dev.jsrun.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import com.caoccao.javet.interop.V8Runtime;

import dev.jsrun.snapshot.V8Runtimes;

/**
 * Creates one V8 runtime in a JVM of its own (the native library loads once per JVM) and prints where the
 * library came from, or the problem jsrun reported: {@code PROBE loaded ...} or {@code PROBE failed ...}.
 */
final class NativeLoadProbe {

    private NativeLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (V8Runtime runtime = V8Runtimes.fresh(false)) {
            Path file = NativeLibrary.load();
            System.out.println("PROBE loaded result=" + runtime.getExecutor("6 * 7").executeInteger() + " file=" + file
                    + " inode=" + Files.getAttribute(file, "unix:ino") + " modified="
                    + Files.getLastModifiedTime(file).toMillis());
        }
        catch (NativeLibraryException ex) {
            System.out.println("PROBE failed problem=" + ex.getProblem() + " dependency=" + ex.getDependency()
                    + " directory=" + ex.getDirectory());
            System.out.println("MESSAGE " + ex.getMessage());
        }
        System.out.println("ALIVE");
    }

}
