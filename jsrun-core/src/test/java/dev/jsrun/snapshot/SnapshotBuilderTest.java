package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.SnapshotBuildException;
import dev.jsrun.internal.snapshot.V8Runtimes;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

class SnapshotBuilderTest {

    @Test
    void recordsMetadata() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("a.js", "var a = 1;")
            .executeScript("b.js", "var b = 2;")
            .build();
        assertThat(snapshot.scriptNames()).containsExactly("a.js", "b.js");
        assertThat(snapshot.v8Version()).isEqualTo(V8Runtimes.v8Version()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+(-i18n)?");
        assertThat(snapshot.size()).isGreaterThan(100_000);
        assertThat(snapshot.contentHash()).hasSize(64);
        assertThat(snapshot.buildTime()).isPositive();
        assertThat(snapshot.createdAt()).isNotNull();
    }

    @Test
    void contentHashFollowsNamesAndSources() {
        String same = new SnapshotBuilder().executeScript("a.js", "var a = 1;").build().contentHash();
        assertThat(new SnapshotBuilder().executeScript("a.js", "var a = 1;").build().contentHash()).isEqualTo(same);
        assertThat(new SnapshotBuilder().executeScript("a.js", "var a = 2;").build().contentHash()).isNotEqualTo(same);
        assertThat(new SnapshotBuilder().executeScript("b.js", "var a = 1;").build().contentHash()).isNotEqualTo(same);
    }

    @Test
    void syntaxErrorNamesScriptLineAndColumn() {
        SnapshotBuilder builder = new SnapshotBuilder().executeScript("ok.js", "var ok = 1;")
            .executeScript("broken.js", "var a = 1;\nvar b = {;\n");
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            assertThat(ex.getProblem()).isEqualTo(SnapshotBuildException.Problem.SCRIPT_ERROR);
            assertThat(ex.getScriptName()).isEqualTo("broken.js");
            assertThat(ex.getLine()).isEqualTo(2);
            assertThat(ex.getColumn()).isEqualTo(10);
            assertThat(ex.getJsMessage()).isEqualTo("SyntaxError: Unexpected token ';'");
            assertThat(ex.getMessage()).startsWith("Snapshot script 'broken.js' failed at line 2, column 10: ");
        });
    }

    @Test
    void throwingScriptNamesScriptAndError() {
        SnapshotBuilder builder = new SnapshotBuilder().executeScript("setup.js", "\n\n  missing.call();");
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            assertThat(ex.getProblem()).isEqualTo(SnapshotBuildException.Problem.SCRIPT_ERROR);
            assertThat(ex.getScriptName()).isEqualTo("setup.js");
            assertThat(ex.getLine()).isEqualTo(3);
            assertThat(ex.getColumn()).isEqualTo(3);
            assertThat(ex.getJsMessage()).isEqualTo("ReferenceError: missing is not defined");
            assertThat(ex.getCause()).isInstanceOf(dev.jsrun.JsException.class);
            assertThat(ex.getAdvice()).isNull();
        });
    }

    @Test
    void esModuleSyntaxSaysToLoadTheCommonJsBuild() {
        for (String source : new String[] { "import x from 'y';", "export const a = 1;",
                "const u = import.meta.url;" }) {
            assertThatThrownBy(() -> new SnapshotBuilder().executeScript("lib.esm.js", source).build())
                .isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                    assertThat(ex.getProblem()).isEqualTo(SnapshotBuildException.Problem.ES_MODULE);
                    assertThat(ex.getScriptName()).isEqualTo("lib.esm.js");
                    assertThat(ex.getAdvice()).contains("CommonJS or UMD build");
                    assertThat(ex.getMessage()).contains("CommonJS or UMD build");
                });
        }
    }

    @Test
    void commonJsErrorsReportTheLibrarysOwnPosition() {
        SnapshotBuilder builder = new SnapshotBuilder().executeCommonJs("lib", "lib.js",
                "module.exports = 1;\n  oops();");
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            assertThat(ex.getLine()).isEqualTo(2);
            assertThat(ex.getColumn()).isEqualTo(3);
        });
        SnapshotBuilder firstLine = new SnapshotBuilder().executeCommonJs("lib", "lib.js", "oops();");
        assertThatThrownBy(firstLine::build).isInstanceOfSatisfying(SnapshotBuildException.class,
                ex -> assertThat(ex.getColumn()).isEqualTo(1));
    }

    @Test
    void commonJsRequireExplainsWhatToDo() {
        SnapshotBuilder builder = new SnapshotBuilder().executeCommonJs("lib", "lib.js", "const dep = require('dep');");
        assertThatThrownBy(builder::build).isInstanceOf(SnapshotBuildException.class)
            .hasMessageContaining("require('dep') is not available while building a snapshot");
        SnapshotBuilder later = new SnapshotBuilder().executeCommonJs("lib", "lib.js",
                "var x = 1;\n  const dep = require('dep');");
        assertThatThrownBy(later::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            // the library's call, not the refusing function jsrun put after its source
            assertThat(ex.getLine()).isEqualTo(2);
            assertThat(ex.getColumn()).isEqualTo(15);
        });
    }

    @Test
    void commonJsGlobalNameIsPublished() {
        Snapshot snapshot = new SnapshotBuilder().executeCommonJs("it's", "lib.js", "exports.answer = 42;").build();
        try (var factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build());
                JsRuntime js = factory.create()) {
            assertThat(js.eval("globalThis[\"it's\"].answer")).isEqualTo(42);
            assertThat(js.eval("typeof module")).isEqualTo("undefined");
        }
    }

    @Test
    void failedBuildLeavesTheBuilderUsable() {
        SnapshotBuilder builder = new SnapshotBuilder().executeScript("bad.js", "throw new Error('x')");
        assertThatThrownBy(builder::build).isInstanceOf(SnapshotBuildException.class);
        assertThatThrownBy(builder::build).isInstanceOf(SnapshotBuildException.class);
        assertThat(new SnapshotBuilder().executeScript("good.js", "1").build().size()).isPositive();
    }

}
