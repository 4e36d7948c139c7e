package dev.jsrun.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jsrun.modules.ModuleRoot;
import dev.jsrun.modules.ModuleSet;
import dev.jsrun.modules.UnresolvedModuleException;

/** A root holds only what lies inside it, at build time as at run time. */
class ModuleTreeTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(
            strings = { "", "lib", "lib/rules.js", "node_modules/@jsrun/greet/index.js", ".store/x.js", "a..b/c...js" })
    void acceptsTreePaths(String path) {
        assertThat(ModuleTree.isTreePath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/etc/passwd", "lib/", "lib//rules.js", "./lib", "lib/.", "..", "../x.js",
            "lib/../x.js", "lib\\rules.js", "lib\u0000/x.js", "x.js\u0000", "lib\u202e/x.js", "lib\u200b/x.js",
            "lib\u2028/x.js", "lib\n/x.js", "\ud800.js", "x\udc00.js" })
    void refusesAnythingElse(String path) {
        assertThat(ModuleTree.isTreePath(path)).isFalse();
    }

    @Test
    void boundsTheLengthOfPathsAndRequests() {
        String longest = "a/".repeat(ModuleTree.MAX_PATH_LENGTH / 2 - 1) + "ab";
        assertThat(ModuleTree.isTreePath(longest)).isTrue();
        assertThat(ModuleTree.isTreePath(longest + "c")).isFalse();
        assertThat(ModuleTree.isPlain("../".repeat(1365) + "a")).isTrue();
        assertThat(ModuleTree.isPlain("../".repeat(1366))).isFalse();
        assertThat(ModuleTree.isPlain("caf\u00e9/\ud83d\ude00.js")).isTrue();
    }

    @Test
    void treatsFilesThatLinksTakeOutOfADirectoryRootAsAbsent() throws IOException {
        Path root = this.tmp.resolve("root");
        write(this.tmp.resolve("outside/secret.js"), "module.exports = 'secret';");
        write(root.resolve("lib/a.js"), "module.exports = 'a';");
        write(root.resolve("real/b.js"), "module.exports = 'b';");
        Files.createSymbolicLink(root.resolve("out"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("lib/leak.js"), Path.of("../../outside/secret.js"));
        Files.createSymbolicLink(root.resolve("in"), Path.of("real"));
        ModuleTree directory = DirectoryTree.of(root);

        assertThat(directory.isFile("lib/a.js")).isTrue();
        assertThat(directory.isFile("in/b.js")).isTrue();
        assertThat(directory.read("in/b.js")).isEqualTo("module.exports = 'b';");
        assertThat(directory.isFile("out/secret.js")).isFalse();
        assertThat(directory.isFile("lib/leak.js")).isFalse();
        assertThat(directory.isFile("lib")).isFalse();
        assertThat(directory.isDirectory("lib")).isTrue();
        assertThat(directory.isDirectory("in")).isTrue();
        assertThat(directory.isDirectory("out")).isFalse();
        assertThat(directory.isDirectory("lib/a.js")).isFalse();
        assertThat(directory.isDirectory("")).isTrue();
        assertThatThrownBy(() -> directory.read("out/secret.js")).hasMessageNotContaining("secret';");
        assertThatThrownBy(() -> directory.read("../outside/secret.js")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.read(this.tmp.resolve("outside/secret.js").toString()))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsNoModuleSetFromFilesOutsideItsRoots() throws IOException {
        Path root = this.tmp.resolve("root");
        write(this.tmp.resolve("outside/secret.js"), "module.exports = 'secret';");
        write(root.resolve("lib/a.js"), "module.exports = require('../out/secret.js');");
        Files.createSymbolicLink(root.resolve("out"), Path.of("../outside"));

        assertThatThrownBy(() -> ModuleSet.builder().root(ModuleRoot.directory(root)).module("./out/secret.js").build())
            .isInstanceOf(UnresolvedModuleException.class)
            .hasMessageContaining("cannot be resolved");
        assertThat(ModuleGraph.walk(new NodeResolver(List.of(DirectoryTree.of(root))), List.of("./lib/a.js")).modules())
            .containsOnlyKeys("lib/a.js");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

}
