package dev.jsrun.autoconfigure;

import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Callback that adds to the startup snapshot after the scripts of
 * {@code jsrun.snapshot.scripts}, for example a CommonJS library published as a global
 * with {@link SnapshotBuilder#executeCommonJs(String, String, String)}.
 */
@FunctionalInterface
public interface SnapshotBuilderCustomizer {

    void customize(SnapshotBuilder builder);

}
