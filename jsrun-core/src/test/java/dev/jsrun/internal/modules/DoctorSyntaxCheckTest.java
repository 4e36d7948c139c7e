package dev.jsrun.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Entry;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.snapshot.GuestScripts;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The doctor's {@code syntax-check.js}, on its own in V8 and as the doctor uses it on
 * files of a project.
 */
class DoctorSyntaxCheckTest {

    @TempDir
    Path project;

    @Test
    void theCheckCompilesAModuleAsAWrapperBodyAndRunsNothingOfIt() {
        try (UnpooledJsRuntimeFactory runtimes = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = runtimes.create()) {
            js.eval(GuestScripts.load(Doctor.class, "syntax-check.js"));
            assertThat(js.eval("Object.keys(globalThis).includes('" + Doctor.SYNTAX_CHECK + "')")).isEqualTo(false);
            assertThat(js.call(Doctor.SYNTAX_CHECK, "globalThis.ran = true; return module.exports;", false)).isNull();
            assertThat(js.eval("typeof ran")).isEqualTo("undefined");
            assertThat(js.call(Doctor.SYNTAX_CHECK, "var = 1;", false)).isEqualTo("SyntaxError: Unexpected token '='");
            assertThat(js.call(Doctor.SYNTAX_CHECK, "{ \"a\": 1 }", true)).isNull();
            assertThat((String) js.call(Doctor.SYNTAX_CHECK, "{ \"a\": }", true)).startsWith("SyntaxError: ");
            // JSON is parsed as JSON, not as code: a JavaScript object literal is not
            // JSON
            assertThat((String) js.call(Doctor.SYNTAX_CHECK, "{ a: 1 }", true)).startsWith("SyntaxError: ");
        }
    }

    @Test
    void theDoctorExcludesWhatDoesNotParseAndPassesSourcesOfAnyText() throws IOException {
        write("main.js", """
                require('./broken');
                require('./esm');
                require('./data.json');
                require('./odd');
                require('./script');
                """);
        write("broken.js", "var = ;\n");
        write("esm.js", "export const answer = 42;\n");
        write("data.json", "{ \"a\": }\n");
        // quotes, backslashes, comment ends, a line separator and a hashbang reach the
        // check as they are
        write("odd.js", "#!/usr/bin/env node\nmodule.exports = '\\\\ \" \\' */ </script> \u2028 ${x}' + `\\``;\n");
        write("script.js", "return;\n");
        ModuleGraph graph = ModuleGraph.walk(new NodeResolver(List.of(DirectoryTree.of(this.project))),
                List.of("./main.js"));
        ModuleReport report = Doctor.examine(graph, Set.of(), NodeResolver.DEFAULT_CONDITIONS).report();
        assertThat(report.entry("broken.js").orElseThrow())
            .isEqualTo(new Entry("broken.js", Status.EXCLUDED, "does not parse: SyntaxError: Unexpected token '='"));
        assertThat(report.entry("esm.js").orElseThrow()).isEqualTo(new Entry("esm.js", Status.EXCLUDED,
                "does not parse: SyntaxError: Unexpected token 'export' (an ES module: require() needs a CommonJS build)"));
        assertThat(report.entry("data.json").orElseThrow().reason()).startsWith("does not parse: SyntaxError: ");
        assertThat(report.entry("odd.js").orElseThrow().status()).isEqualTo(Status.HEALTHY);
        assertThat(report.entry("script.js").orElseThrow().status()).isEqualTo(Status.HEALTHY);
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(this.project.resolve(path), text);
    }

}
