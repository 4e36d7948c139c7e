package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleStats;
import dev.jsrun.Snapshot;
import dev.jsrun.internal.snapshot.V8Runtimes;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Modules that replace built-ins or throw errors with getters: the doctor's watch and the
 * loader must run none of their code, so that the verdicts, the statistics and the
 * snapshot are what the modules alone would give.
 */
class HostileModulesTest {

    @TempDir
    Path project;

    @Test
    void replacedBuiltInsChangeNeitherTheDoctorsVerdictsNorTheLoader() throws IOException {
        module("hijacker", """
                // as Prototype.js 1.6 did, and worse
                Array.prototype.toJSON = function () { return 'an array'; };
                Object.prototype.toJSON = function () { return 'an object'; };
                JSON.stringify = function () { return '{"hijacked":true}'; };
                Object.keys = function () { return []; };
                Object.freeze = function (object) { globalThis.frozenByJsrun = true; return object; };
                const defineProperty = Object.defineProperty;
                Object.defineProperty = function (object, key, descriptor) {
                  if (key === 'require' || key === '__jsrun_modules') globalThis.definedByJsrun = key;
                  return defineProperty(object, key, descriptor);
                };
                Array.prototype.indexOf = function () { return 0; };
                // loses the module paths a loader would push, and pushes everything else
                const push = Array.prototype.push;
                Array.prototype.push = function (item) {
                  return String(item).startsWith('node_modules/') ? this.length : Reflect.apply(push, this, arguments);
                };
                Reflect.has = function () { throw new Error('Reflect.has is mine'); };
                Reflect.get = function () { throw new Error('Reflect.get is mine'); };
                module.exports = { ready: true };
                """);
        module("looker", """
                module.exports = { timers: typeof setImmediate, clock: Date.now() > 0 };
                """);
        ModuleSet modules = ModuleSet.builder()
            .root(ModuleRoot.directory(this.project))
            .module("hijacker")
            .module("looker")
            .build();
        assertThat(modules.report().toTable()).isEqualTo("""
                jsrun modules: 2 healthy, 0 deferred, 0 excluded (conditions: worker, browser, require, default)
                  STATUS    MODULE                          REASON
                  HEALTHY   node_modules/hijacker/index.js
                  HEALTHY   node_modules/looker/index.js    looked for absent setImmediate; calls Date.now() at load: \
                the snapshot keeps what it computed; defer() it to compute it per runtime""");
        Snapshot snapshot = new SnapshotBuilder().executeScript(ModuleSet.SCRIPT_NAME, modules.bundle()).build();
        assertThat(captured(snapshot, "[typeof frozenByJsrun, typeof definedByJsrun, typeof require].join()"))
            .isEqualTo("undefined,undefined,function");
        try (UnpooledJsRuntimeFactory runtimes = NodeProject.runtimes(modules); JsRuntime js = runtimes.create()) {
            assertThat(js.eval("require('hijacker').ready && require('looker').timers")).isEqualTo("undefined");
            assertThat(js.moduleStats()).isEqualTo(new ModuleStats(2, 0, 0, 2, 2));
        }
    }

    @Test
    void aThrownErrorIsDescribedFromItsDataWithoutRunningItsGettersOrHasInstance() throws IOException {
        module("invalid",
                """
                        Object.defineProperty(Error, Symbol.hasInstance, { value() { globalThis.ranHasInstance = true; return true; } });
                        class ValidationError extends Error {
                          get name() { globalThis.ranGetter = true; return 'ValidationError'; }
                        }
                        throw new ValidationError('email is required');
                        """);
        module("proxied", """
                throw new Proxy(new Error('hidden'), { getPrototypeOf() { globalThis.ranTrap = true; return null; },
                  get() { globalThis.ranTrap = true; } });
                """);
        module("odd", "throw Symbol('odd');");
        module("witness", """
                if (globalThis.ranHasInstance || globalThis.ranGetter || globalThis.ranTrap) {
                  throw new Error('the doctor ran code of an earlier module');
                }
                """);
        ModuleSet modules = ModuleSet.builder()
            .root(ModuleRoot.directory(this.project))
            .module("invalid")
            .module("proxied")
            .module("odd")
            .module("witness")
            .build();
        assertThat(modules.report().toTable()).isEqualTo("""
                jsrun modules: 1 healthy, 3 deferred, 0 excluded (conditions: worker, browser, require, default)
                  STATUS    MODULE                         REASON
                  DEFERRED  node_modules/invalid/index.js  threw at load: Error: email is required
                  DEFERRED  node_modules/proxied/index.js  threw at load: threw an object that is not an Error
                  DEFERRED  node_modules/odd/index.js      threw at load: threw Symbol(odd)
                  HEALTHY   node_modules/witness/index.js""");
    }

    private void module(String name, String source) throws IOException {
        Path directory = Files.createDirectories(this.project.resolve("node_modules").resolve(name));
        Files.writeString(directory.resolve("index.js"), source);
    }

    /**
     * Evaluates {@code code} in a runtime restored from {@code snapshot}, before anything
     * of jsrun's runs in it.
     */
    private static String captured(Snapshot snapshot, String code) {
        try (V8Runtime runtime = V8Runtimes.restore(snapshot)) {
            return runtime.getExecutor(code).executeString();
        }
        catch (JavetException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
