package dev.jsrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How V8 starts in this JVM: the settings V8 takes once per process, before its first
 * runtime, and keeps until the JVM exits. Hand one to
 * {@code dev.jsrun.engine.V8Process.configure} before creating any runtime; without that,
 * the first runtime starts V8 with {@link #defaults()}.
 * <p>
 * V8 takes its heap limit only as a process-wide flag, so
 * {@link Builder#maxHeapSize(long)} is here rather than in {@link RuntimeConfig}, and so
 * is the cap on WebAssembly memories. The two system properties
 * {@value #NATIVE_LIBRARY_DIRECTORY_PROPERTY} and {@value #TURBOFAN_PROPERTY} are read by
 * {@link #builder()} as the defaults of {@link Builder#nativeLibraryDirectory(Path)} and
 * {@link Builder#turbofan(boolean)}, for applications that set V8 up without code.
 */
public final class V8Setup {

    /** The default {@link Builder#maxHeapSize(long)}: 256 MiB. */
    public static final long DEFAULT_MAX_HEAP_SIZE = 256L << 20;

    /**
     * The system property that gives the default
     * {@link Builder#nativeLibraryDirectory(Path)}.
     */
    public static final String NATIVE_LIBRARY_DIRECTORY_PROPERTY = "jsrun.native-library.directory";

    /**
     * The system property that, set to {@code true}, makes
     * {@link Builder#turbofan(boolean)} default to true.
     */
    public static final String TURBOFAN_PROPERTY = "jsrun.v8.turbofan";

    /** The smallest heap V8 runs jsrun's runtimes in. */
    private static final long MIN_HEAP_SIZE = 16L << 20;

    /**
     * The flag jsrun always sets; a flag that undoes it lets runtimes of different
     * snapshots corrupt each other.
     */
    private static final String FIXED_READ_ONLY_HEAP_FLAG = "--no-extensible-ro-snapshot";

    private final String v8Flags;

    private final long maxHeapSize;

    private final long maxWasmMemory;

    private final Path nativeLibraryDirectory;

    private final boolean turbofan;

    private V8Setup(Builder builder) {
        this.v8Flags = builder.v8Flags;
        this.maxHeapSize = builder.maxHeapSize;
        this.maxWasmMemory = builder.maxWasmMemory;
        this.nativeLibraryDirectory = builder.nativeLibraryDirectory;
        this.turbofan = builder.turbofan;
    }

    /** A builder holding the defaults, those of the two system properties included. */
    public static Builder builder() {
        return new Builder();
    }

    /** The setup the first runtime starts V8 with when none was configured. */
    public static V8Setup defaults() {
        return builder().build();
    }

    /** A builder holding this setup's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.v8Flags = this.v8Flags;
        builder.maxHeapSize = this.maxHeapSize;
        builder.maxWasmMemory = this.maxWasmMemory;
        builder.nativeLibraryDirectory = this.nativeLibraryDirectory;
        builder.turbofan = this.turbofan;
        return builder;
    }

    /** The V8 flags added to jsrun's own, separated by single spaces; empty for none. */
    public String v8Flags() {
        return this.v8Flags;
    }

    /**
     * The V8 heap limit of every runtime, in bytes; V8 takes it in whole megabytes,
     * rounded up.
     */
    public long maxHeapSize() {
        return this.maxHeapSize;
    }

    /** The most memory, in bytes, any one WebAssembly memory of this JVM may grow to. */
    public long maxWasmMemory() {
        return this.maxWasmMemory;
    }

    /** The directory V8's native library is extracted to and loaded from, absolute. */
    public Path nativeLibraryDirectory() {
        return this.nativeLibraryDirectory;
    }

    /**
     * Whether V8 may optimize with TurboFan; see {@link Builder#turbofan(boolean)} for
     * the price.
     */
    public boolean turbofan() {
        return this.turbofan;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return (other instanceof V8Setup setup) && this.v8Flags.equals(setup.v8Flags)
                && this.maxHeapSize == setup.maxHeapSize && this.maxWasmMemory == setup.maxWasmMemory
                && this.nativeLibraryDirectory.equals(setup.nativeLibraryDirectory) && this.turbofan == setup.turbofan;
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.v8Flags, this.maxHeapSize, this.maxWasmMemory, this.nativeLibraryDirectory,
                this.turbofan);
    }

    @Override
    public String toString() {
        return "V8Setup[v8Flags=" + this.v8Flags + ", maxHeapSize=" + this.maxHeapSize + ", maxWasmMemory="
                + this.maxWasmMemory + ", nativeLibraryDirectory=" + this.nativeLibraryDirectory + ", turbofan="
                + this.turbofan + "]";
    }

    public static final class Builder {

        private String v8Flags = "";

        private long maxHeapSize = DEFAULT_MAX_HEAP_SIZE;

        private long maxWasmMemory = RuntimeConfig.DEFAULT_MAX_EXTERNAL_MEMORY;

        private Path nativeLibraryDirectory = defaultDirectory();

        private boolean turbofan = Boolean.getBoolean(TURBOFAN_PROPERTY);

        private Builder() {
        }

        /**
         * Adds V8 flags (separated by spaces, each starting with {@code --}) for every
         * runtime of this JVM; {@code null} or blank for none. They go after jsrun's own,
         * and jsrun leaves out those of its defaults that they decide: a flag that
         * mentions {@code turbofan}, {@code regexp-tier-up}, {@code incremental-marking},
         * the Maglev invocation count, the initial heap size, the stack size or
         * {@code wasm-max-mem-pages}. jsrun always sets
         * {@value #FIXED_READ_ONLY_HEAP_FLAG}, and refuses a flag that undoes it. V8
         * ignores every flag after one it does not know, so a misspelt flag drops the
         * flags given after it (and V8 prints which), never jsrun's.
         * @throws InvalidSettingException when a flag does not start with {@code --},
         * undoes {@value #FIXED_READ_ONLY_HEAP_FLAG}, or sets the heap limit
         * ({@code --max-heap-size}, {@code --max-old-space-size}), which
         * {@link #maxHeapSize(long)} sets
         */
        public Builder v8Flags(String flags) {
            if (flags == null || flags.isBlank()) {
                this.v8Flags = "";
                return this;
            }
            List<String> checked = new ArrayList<>();
            for (String flag : flags.trim().split("\\s+")) {
                if (!flag.startsWith("--")) {
                    throw new InvalidSettingException(Setting.V8_FLAGS, flag, null, false, null,
                            "must start with --, such as --incremental-marking");
                }
                if (flag.replace('_', '-').contains("extensible-ro-snapshot")
                        && !flag.equals(FIXED_READ_ONLY_HEAP_FLAG)) {
                    throw new InvalidSettingException(Setting.V8_FLAGS, flag, null, false, null,
                            "must not undo " + FIXED_READ_ONLY_HEAP_FLAG + ": with it, runtimes of different "
                                    + "snapshots, or with and without a snapshot, corrupt each other in one process "
                                    + "(leave it out)");
                }
                String name = flag.replace('_', '-');
                if (name.startsWith("--max-heap-size") || name.startsWith("--max-old-space-size")) {
                    throw new InvalidSettingException(Setting.V8_FLAGS, flag, null, false, null,
                            "must not set the heap limit, which jsrun gives V8 from maxHeapSize and enforces itself: "
                                    + "set V8Setup.Builder.maxHeapSize (jsrun.runtime.max-heap-size in Spring Boot) "
                                    + "instead");
                }
                checked.add(flag);
            }
            this.v8Flags = String.join(" ", checked);
            return this;
        }

        /**
         * Limits the V8 heap of every runtime in this JVM, at least 16 MiB. A script that
         * reaches the limit is terminated with a {@link JsHeapLimitException} and its
         * runtime disposed of. V8 takes the limit only as a process-wide flag, in whole
         * megabytes. Default {@value #DEFAULT_MAX_HEAP_SIZE} bytes.
         */
        public Builder maxHeapSize(long bytes) {
            if (bytes < MIN_HEAP_SIZE) {
                throw new InvalidSettingException(Setting.MAX_HEAP_SIZE, bytes, MIN_HEAP_SIZE, false, null,
                        "must be at least 16 MiB (" + MIN_HEAP_SIZE + " bytes): a V8 heap needs that much");
            }
            this.maxHeapSize = bytes;
            return this;
        }

        /**
         * Caps every WebAssembly memory of this JVM at this many bytes (rounded down to
         * 64 KiB pages). Such a memory grows from compiled code, where no check of
         * jsrun's sees it, so V8 itself enforces the cap, process-wide; it is best set to
         * the {@link RuntimeConfig.Builder#maxExternalMemory(long) external memory limit}
         * of the runtimes, whose minimum (1 MiB) and default are also this one's.
         */
        public Builder maxWasmMemory(long bytes) {
            if (bytes < RuntimeConfig.MIN_EXTERNAL_MEMORY) {
                throw new InvalidSettingException(Setting.MAX_WASM_MEMORY, bytes, RuntimeConfig.MIN_EXTERNAL_MEMORY,
                        false, null, "must be at least 1 MiB (" + RuntimeConfig.MIN_EXTERNAL_MEMORY + " bytes)");
            }
            this.maxWasmMemory = bytes;
            return this;
        }

        /**
         * Extracts V8's native library to {@code directory} and loads it from there;
         * {@code null} for the default: the system property
         * {@value #NATIVE_LIBRARY_DIRECTORY_PROPERTY}, else {@code jsrun-native-<user>}
         * under {@code java.io.tmpdir}. With Javet's own system property
         * {@code javet.lib.loading.type} set, Javet finds the library as that property
         * says, and only ICU's data goes here.
         */
        public Builder nativeLibraryDirectory(Path directory) {
            this.nativeLibraryDirectory = (directory != null) ? directory.toAbsolutePath().normalize()
                    : defaultDirectory();
            return this;
        }

        /**
         * Lets V8 optimize with TurboFan. Off by default (unless the system property
         * {@value #TURBOFAN_PROPERTY} is {@code true}): TurboFan drops the interrupt
         * checks of loops that call built-ins, so a timeout or a heap limit may never
         * take effect. Only for trusted, CPU-heavy code.
         */
        public Builder turbofan(boolean turbofan) {
            this.turbofan = turbofan;
            return this;
        }

        public V8Setup build() {
            return new V8Setup(this);
        }

        private static Path defaultDirectory() {
            String configured = System.getProperty(NATIVE_LIBRARY_DIRECTORY_PROPERTY);
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured).toAbsolutePath().normalize();
            }
            String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
            return Path.of(System.getProperty("java.io.tmpdir"), "jsrun-native-" + user).toAbsolutePath().normalize();
        }

    }

}
