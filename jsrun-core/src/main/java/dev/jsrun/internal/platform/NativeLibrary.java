package dev.jsrun.internal.platform;

import java.net.URL;
import java.nio.file.Path;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.loader.IJavetLibLoadingListener;
import com.caoccao.javet.interop.loader.JavetLibLoader;
import com.caoccao.javet.interop.options.V8RuntimeOptions;

import dev.jsrun.NativeLibraryException;
import dev.jsrun.NativeLibraryException.Problem;
import dev.jsrun.NativePlatform;
import dev.jsrun.V8Setup;

/**
 * Loads V8's native library once per JVM, from a directory jsrun controls: it checks that
 * the native for this platform is on the classpath, extracts it only when no identical
 * copy is there, and turns every failure into a {@link NativeLibraryException} that names
 * the artifact, the directory and what to change.
 * <p>
 * {@link V8Startup} loads it as V8 starts, into the directory of the {@code V8Setup} in
 * force. With Javet's own system property {@code javet.lib.loading.type} set, Javet finds
 * the library as that property says, and only ICU's data goes into the directory.
 */
public final class NativeLibrary {

    /**
     * The system property (and Spring property) naming the directory the native library
     * is extracted to.
     */
    static final String DIRECTORY_PROPERTY = V8Setup.NATIVE_LIBRARY_DIRECTORY_PROPERTY;

    private static final String JAVET_LOADING_TYPE_PROPERTY = "javet.lib.loading.type";

    private static volatile boolean loaded;

    private static Path loadedFrom;

    private static boolean attempted;

    private static Boolean intl;

    private NativeLibrary() {
    }

    /** The version of Javet on the classpath, which its native must carry too. */
    public static String javetVersion() {
        try {
            // read at run time: the compiler would copy the constant of the Javet jar
            // jsrun was built with
            return (String) JavetLibLoader.class.getField("LIB_VERSION").get(null);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Javet's JavetLibLoader has no LIB_VERSION", ex);
        }
    }

    /**
     * Makes sure V8's native library is loaded, extracted into {@code directory} unless
     * Javet finds it as {@code javet.lib.loading.type} says, and returns the file it came
     * from ({@code null} in that case). Loading seals V8's process-wide flags, so only
     * {@link V8Startup} calls this, once it has set them.
     * @throws NativeLibraryException when it cannot be loaded
     */
    static synchronized Path load(Path directory) {
        if (loaded) {
            return loadedFrom;
        }
        NativePlatform platform = NativePlatform.current();
        String version = javetVersion();
        boolean withIntl = intl();
        Path file = null;
        Path icuData;
        if (System.getProperty(JAVET_LOADING_TYPE_PROPERTY) == null) {
            Native found = find(platform, version, JavetLibLoader.class.getClassLoader());
            String fileName = javetFileName(platform, version, found.intl());
            file = ExtractedLibrary.extract(found.resource(), fileName, version, directory, platform,
                    found.dependency());
            JavetLibLoader
                .setLibLoadingListener(new FromDirectory(file.getParent(), JavetLibLoader.getLibLoadingListener()));
            icuData = withIntl ? IcuData.extract(file.getParent(), platform, found.dependency()) : null;
        }
        else {
            icuData = withIntl ? IcuData.extract(directory.resolve(IcuData.FOLDER), platform, null) : null;
        }
        if (icuData != null) {
            // the library reads the data file as it loads: without it, JNI_OnLoad crashes
            // the process
            V8RuntimeOptions.V8_FLAGS.setIcuDataFile(icuData.toString());
        }
        V8Host host = V8Host.getInstance(runtimeType());
        if (!host.isLibraryLoaded() && (!attempted || !host.loadLibrary())) {
            attempted = true;
            throw loadFailed(platform, version, file, host.getLastException());
        }
        loadedFrom = file;
        loaded = true;
        return file;
    }

    /**
     * Whether this JVM runs the V8 with ICU ({@code Intl}, {@code \p{...}} in regular
     * expressions): true when the classpath holds Javet's native with ICU for this
     * platform, which jsrun-core depends on for Linux x86_64 and which an application may
     * add for the others.
     */
    public static synchronized boolean intl() {
        if (intl == null) {
            NativePlatform platform = NativePlatform.current();
            ClassLoader loader = JavetLibLoader.class.getClassLoader();
            intl = platform.supported() && resource(platform, javetVersion(), true, loader) != null
                    && (System.getProperty(JAVET_LOADING_TYPE_PROPERTY) != null
                            || find(platform, javetVersion(), loader).intl());
        }
        return intl;
    }

    /**
     * The version of ICU in this JVM's V8, such as {@code 77.1}; empty for the native
     * without ICU.
     */
    public static java.util.Optional<String> icuVersion() {
        return intl() ? java.util.Optional.of(IcuData.ICU_VERSION) : java.util.Optional.empty();
    }

    /** Javet's kind of runtime for the native this JVM loads. */
    public static JSRuntimeType runtimeType() {
        return intl() ? JSRuntimeType.V8I18n : JSRuntimeType.V8;
    }

    /**
     * The file the native library was loaded from; {@code null} before it loads, or when
     * Javet found it.
     */
    public static synchronized Path loadedFrom() {
        return loadedFrom;
    }

    /**
     * A native found on the classpath: its resource, whether it has ICU, and its Maven
     * coordinates.
     */
    record Native(URL resource, boolean intl, String dependency) {
    }

    /**
     * The native for {@code platform} on the classpath: the one jsrun-core depends on,
     * else the other one.
     * @throws NativeLibraryException when Javet publishes no native for the platform or
     * neither jar is there
     */
    static Native find(NativePlatform platform, String version, ClassLoader classLoader) {
        if (!platform.supported()) {
            throw unsupported(platform, version);
        }
        boolean preferred = platform.intlByDefault();
        for (boolean withIntl : new boolean[] { preferred, !preferred }) {
            URL resource = resource(platform, version, withIntl, classLoader);
            if (resource != null) {
                return new Native(resource, withIntl, platform.dependency(version, withIntl).orElseThrow());
            }
        }
        String fileName = platform.libraryFileName(version).orElseThrow();
        String dependency = platform.dependency(version).orElseThrow();
        throw new NativeLibraryException(Problem.NOT_ON_CLASSPATH, platform, dependency, null,
                "V8's native library for " + platform + " (" + fileName + ") is not on the classpath.",
                "Add the dependency " + dependency + " (Maven: <groupId>" + NativePlatform.GROUP_ID
                        + "</groupId><artifactId>" + platform.artifactId().orElseThrow() + "</artifactId><version>"
                        + version + "</version>); its version must be Javet's, " + version + ".",
                null);
    }

    private static URL resource(NativePlatform platform, String version, boolean withIntl, ClassLoader classLoader) {
        String fileName = platform.libraryFileName(version, withIntl).orElseThrow();
        return (classLoader != null) ? classLoader.getResource(fileName) : ClassLoader.getSystemResource(fileName);
    }

    /**
     * The classpath resource of the native for {@code platform}, looked up as Javet looks
     * it up.
     * @throws NativeLibraryException when Javet publishes no native for the platform or
     * its jar is missing
     */
    public static URL locate(NativePlatform platform, String version, ClassLoader classLoader) {
        return find(platform, version, classLoader).resource();
    }

    private static NativeLibraryException unsupported(NativePlatform platform, String version) {
        String advice = platform.musl()
                ? "Run on a glibc-based image (such as Debian or Ubuntu, e.g. eclipse-temurin:17-jre) instead of "
                        + "Alpine, or on one of the platforms Javet publishes natives for."
                : "Run on one of the platforms Javet publishes natives for: linux x86_64 or arm64 (glibc), macos "
                        + "x86_64 or arm64, windows x86_64.";
        return new NativeLibraryException(Problem.UNSUPPORTED_PLATFORM, platform, null, null,
                "Javet " + version + " publishes no V8 native library for " + platform + ".", advice, null);
    }

    /** The name Javet itself will look for, which jsrun's mapping must agree with. */
    private static String javetFileName(NativePlatform platform, String version, boolean withIntl) {
        try {
            return new JavetLibLoader(withIntl ? JSRuntimeType.V8I18n : JSRuntimeType.V8).getLibFileName();
        }
        catch (JavetException | RuntimeException ex) {
            throw unsupported(platform, version);
        }
    }

    private static NativeLibraryException loadFailed(NativePlatform platform, String version, Path file,
            JavetException failure) {
        String dependency = platform.dependency(version).orElse(null);
        Throwable linkError = failure;
        while (linkError != null && !(linkError instanceof UnsatisfiedLinkError)) {
            linkError = linkError.getCause();
        }
        String reason = (linkError != null) ? withoutPath(linkError.getMessage(), file)
                : (failure != null) ? failure.getMessage() : "Javet gave no reason";
        Path dir = (file != null) ? file.getParent() : null;
        if (file != null && Mounts.noexec(file)) {
            return new NativeLibraryException(Problem.DIRECTORY_NOT_EXECUTABLE, platform, dependency, dir,
                    "Cannot load V8's native library from " + dir + ": its file system is mounted noexec, so no code "
                            + "may run from it (" + reason + ").",
                    "Set " + DIRECTORY_PROPERTY + " to a directory on a file system that allows running code.",
                    failure);
        }
        return new NativeLibraryException(Problem.LOAD_FAILED, platform, dependency, dir,
                "Cannot load V8's native library" + (file != null ? " " + file : "") + ": " + reason + ".",
                (file != null
                        ? "Check that " + dir + " allows running code (" + DIRECTORY_PROPERTY + " chooses "
                                + "another directory) and that " + dependency + " fits this machine."
                        : "Check the Javet system properties javet.lib.loading.type and javet.lib.loading.path."),
                failure);
    }

    /**
     * The JVM repeats the library's path before the operating system's reason; the
     * message names it once.
     */
    private static String withoutPath(String message, Path file) {
        String text = String.valueOf(message);
        if (file != null) {
            String prefix = file + ": ";
            while (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        return text;
    }

    /**
     * Tells Javet to load the V8 library jsrun extracted, without deploying a copy of its
     * own.
     */
    private static final class FromDirectory implements IJavetLibLoadingListener {

        private final Path directory;

        private final IJavetLibLoadingListener others;

        FromDirectory(Path directory, IJavetLibLoadingListener others) {
            this.directory = directory;
            this.others = others;
        }

        @Override
        public java.io.File getLibPath(JSRuntimeType type) {
            return type.isV8() ? this.directory.toFile() : this.others.getLibPath(type);
        }

        @Override
        public boolean isDeploy(JSRuntimeType type) {
            return !type.isV8() && this.others.isDeploy(type);
        }

        @Override
        public boolean isLibInSystemPath(JSRuntimeType type) {
            return !type.isV8() && this.others.isLibInSystemPath(type);
        }

        @Override
        public boolean isSuppressingError(JSRuntimeType type) {
            return !type.isV8() && this.others.isSuppressingError(type);
        }

    }

}
