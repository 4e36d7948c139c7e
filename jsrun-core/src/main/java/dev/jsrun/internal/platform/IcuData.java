package dev.jsrun.internal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.jsrun.NativeLibraryException;
import dev.jsrun.NativeLibraryException.Problem;
import dev.jsrun.NativePlatform;

/**
 * The ICU data that Javet's native with ICU reads as it loads: {@code icudt77l.dat} from
 * the jsrun-icu-data jar, extracted beside the native library when no identical copy is
 * there, and checked against the SHA-256 its build recorded. A missing or damaged file is
 * a {@link NativeLibraryException} before V8 loads, since V8 given no data crashes the
 * process.
 */
final class IcuData {

    /** The ICU data package the native was built for: ICU 77, little-endian. */
    static final String PACKAGE = "icudt77l";

    /** The ICU version of that data. */
    static final String ICU_VERSION = "77.1";

    /**
     * The folder under the native library directory for the data when Javet loads the
     * library itself.
     */
    static final String FOLDER = "icu-" + PACKAGE;

    static final String RESOURCE = "dev/jsrun/icu/" + PACKAGE + ".dat";

    static final String DEPENDENCY = "dev.jsrun:jsrun-icu-data";

    private IcuData() {
    }

    /** Extracts the data into {@code folder} and returns the file. */
    static Path extract(Path folder, NativePlatform platform, String nativeDependency) {
        ClassLoader loader = IcuData.class.getClassLoader();
        URL data = loader.getResource(RESOURCE);
        URL checksum = loader.getResource(RESOURCE + ".sha256");
        if (data == null || checksum == null) {
            throw new NativeLibraryException(Problem.ICU_DATA_MISSING, platform, nativeDependency, null,
                    "V8's native library with ICU (" + nativeDependency + ") needs ICU's data, but " + RESOURCE
                            + " is not on the classpath.",
                    "Add the dependency " + DEPENDENCY + " (jsrun-core brings it unless it is excluded), or replace "
                            + "the native with "
                            + platform.dependency(NativeLibrary.javetVersion(), false).orElse("the one without ICU")
                            + ", which has no Intl.",
                    null);
        }
        String sha256;
        try (InputStream in = checksum.openStream()) {
            sha256 = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
        catch (IOException ex) {
            throw new NativeLibraryException(Problem.ICU_DATA_MISSING, platform, DEPENDENCY, null,
                    "Cannot read " + RESOURCE + ".sha256 (" + ex.getMessage() + ").",
                    "Check that the jar of " + DEPENDENCY + " is whole.", ex);
        }
        return ExtractedLibrary.extractData(data, PACKAGE + ".dat", sha256, folder, platform, DEPENDENCY);
    }

}
