package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * With DEBUG on {@code dev.jsrun.modules} (see simplelogger.properties), each require()
 * is logged with its outcome.
 */
class RequireTraceTest {

    @Test
    void everyRequireIsLoggedWithItsOutcome() {
        ModuleSet modules = ModuleSet.builder().root(NodeProject.webjars()).module("ms").build();
        var snapshot = new SnapshotBuilder().executeScript(ModuleSet.SCRIPT_NAME, modules.bundle()).build();
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try (var factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build());
                JsRuntime js = factory.create()) {
            js.eval("require('ms')('1h'); try { require('left-pad'); } catch (e) {}");
        }
        finally {
            System.setOut(original);
        }
        String log = buffer.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("DEBUG dev.jsrun.modules - require('ms') from ")
            .contains(": export node_modules/ms/index.js")
            .contains("DEBUG dev.jsrun.modules - require('left-pad') from ")
            .contains(": miss");
    }

}
