package dev.jsrun.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.runtime.UnpooledJsRuntimeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoopTest {

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void smoke() throws Exception {
        try (JsRuntime js = factory.create()) {
            System.out.println(js.evalAsync("""
                    const log = [];
                    setTimeout(() => { log.push('t0'); Promise.resolve().then(() => log.push('tm')); }, 0);
                    setTimeout(() => log.push('t10'), 10);
                    queueMicrotask(() => log.push('q'));
                    log.push('sync');
                    new Promise(r => setTimeout(() => r(log.join(' ')), 20))
                    """).get());
            System.out.println(js.eval("globalThis.x = []; setTimeout(() => x.push(1)); 'r'"));
            System.out.println(js.eval("x.length"));
            System.out.println(js.evalAsync("new Promise(() => {})").handle((v, e) -> e).get());
            System.out.println(js.evalAsync("new Promise(r => setTimeout(r, 5000))", Duration.ofMillis(200)).handle((v, e) -> e).get());
        }
    }

}
