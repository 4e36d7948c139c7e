package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.pool.JsRuntimePool;

/**
 * The starter as an application meets it: found through the auto-configuration imports,
 * on real V8. The context is closed afterwards: V8 cannot keep its runtimes open next to
 * those of other snapshots.
 */
@DirtiesContext
@SpringBootTest(properties = {
        "jsrun.snapshot.scripts=classpath:META-INF/resources/webjars/lodash/*/lodash.min.js,classpath:js/greet.js",
        "jsrun.pool.min-idle=1" })
class JsRunSpringBootTest {

    @Autowired
    private JsRuntimeFactory runtimes;

    @Test
    void injectedFactoryServesRuntimesWithTheScriptsGlobals() {
        assertThat(this.runtimes).isInstanceOf(JsRuntimePool.class);
        try (JsRuntime js = this.runtimes.acquire()) {
            assertThat(js.eval("greet(_.capitalize('spring'))")).isEqualTo("Hello, Spring!");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

    }

}
