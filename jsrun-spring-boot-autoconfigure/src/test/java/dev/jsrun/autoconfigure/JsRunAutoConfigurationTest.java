package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.JsRuntimePoolExhaustedException;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

class JsRunAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JsRunAutoConfiguration.class));

    @Test
    void buildsSnapshotFromScriptsInOrderAndServesRuntimes() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js,classpath:js/counter.js")
            .run(context -> {
                assertThat(context).hasSingleBean(Snapshot.class).hasSingleBean(JsRuntimeFactory.class);
                assertThat(context.getBean(Snapshot.class).scriptNames()).containsExactly("classpath:js/greet.js",
                        "classpath:js/counter.js");
                JsRuntimeFactory factory = context.getBean(JsRuntimeFactory.class);
                try (JsRuntime js = factory.acquire()) {
                    assertThat(js.eval("greet('Spring')")).isEqualTo("Hello, Spring!");
                    assertThat(js.eval("next(); next()")).isEqualTo(2);
                }
                try (JsRuntime js = factory.create()) {
                    assertThat(js.eval("next()")).isEqualTo(1);
                }
            });
    }

    /**
     * Test suites keep contexts of other scripts open for reuse: their pools serve side
     * by side.
     */
    @Test
    void contextsWithSnapshotsOfDifferentScriptsServeAtTheSameTime() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js")
            .run(greeting -> this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/counter.js")
                .run(counting -> {
                    JsRuntimeFactory greets = greeting.getBean(JsRuntimeFactory.class);
                    JsRuntimeFactory counts = counting.getBean(JsRuntimeFactory.class);
                    for (int i = 0; i < 20; i++) {
                        try (JsRuntime a = greets.acquire();
                                JsRuntime b = counts.acquire();
                                JsRuntime c = greets.create()) {
                            assertThat(a.eval("greet('Spring') + typeof next")).isEqualTo("Hello, Spring!undefined");
                            assertThat(b.eval("next() + next() + typeof greet")).isEqualTo("3undefined");
                            assertThat(c.eval("greet('again')")).isEqualTo("Hello, again!");
                        }
                    }
                }));
    }

    @Test
    void loadsLibrariesFromWebJarsWithOrWithoutVersion() {
        this.runner
            .withPropertyValues("jsrun.snapshot.scripts[0]=classpath:META-INF/resources/webjars/lodash/*/lodash.min.js")
            .run(context -> {
                try (JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
                    assertThat(js.eval("_.kebabCase('Hello World')")).isEqualTo("hello-world");
                }
            });
    }

    record Person(String firstName, int shoeSize) {
    }

    @Test
    void callsConvertRecordsWithTheApplicationsJsonMapper() {
        this.runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
            .run(context -> {
                try (JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
                    js.eval("globalThis.grow = p => ({ ...p, shoe_size: p.shoe_size + 1 })");
                    assertThat(js.call("Object.keys", new Person("Ada", 38)))
                        .isEqualTo(List.of("first_name", "shoe_size"));
                    assertThat(js.call("grow", Person.class, new Person("Ada", 38))).isEqualTo(new Person("Ada", 39));
                }
            });
    }

    @Test
    void aCustomizerOfTheApplicationChoosesAnotherObjectMapper() {
        this.runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withBean(RuntimeConfigCustomizer.class, () -> config -> config.objectMapper(null))
            .run(context -> assertThat(context.getBean(JsRuntimeFactory.class).config().objectMapper()).isEmpty());
    }

    @Test
    void noScriptsGivesAnEmptySnapshot() {
        this.runner.run(context -> {
            assertThat(context.getBean(Snapshot.class).scriptNames()).isEmpty();
            try (JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
                assertThat(js.eval("1 + 2")).isEqualTo(3);
            }
        });
    }

    @Test
    void bindsRuntimeTimeout() {
        this.runner.withPropertyValues("jsrun.runtime.timeout=150ms").run(context -> {
            JsRuntimeFactory factory = context.getBean(JsRuntimeFactory.class);
            assertThat(factory.config().timeout()).contains(Duration.ofMillis(150));
            try (JsRuntime js = factory.acquire()) {
                assertThatThrownBy(() -> js.eval("while (true) {}")).isInstanceOf(JsTimeoutException.class);
            }
        });
    }

    @Test
    void providesAPoolConfiguredFromProperties() {
        this.runner
            .withPropertyValues("jsrun.pool.name=scripts", "jsrun.pool.max-size=3", "jsrun.pool.min-idle=1",
                    "jsrun.pool.max-wait=250ms", "jsrun.pool.idle-timeout=1m", "jsrun.pool.eviction-interval=5s",
                    "jsrun.pool.max-uses=100", "jsrun.pool.shutdown-timeout=2s", "jsrun.pool.cleaner-threads=2")
            .run(context -> {
                JsRuntimePool pool = context.getBean(JsRuntimePool.class);
                assertThat(context.getBean(JsRuntimeFactory.class)).isSameAs(pool);
                PoolSettings settings = pool.settings();
                assertThat(settings.name()).isEqualTo("scripts");
                assertThat(settings.maxSize()).isEqualTo(3);
                assertThat(settings.minIdle()).isEqualTo(1);
                assertThat(settings.maxWait()).isEqualTo(Duration.ofMillis(250));
                assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(1));
                assertThat(settings.evictionInterval()).isEqualTo(Duration.ofSeconds(5));
                assertThat(settings.maxUses()).isEqualTo(100);
                assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(settings.cleanerThreads()).isEqualTo(2);
                assertThat(pool.stats().idle()).isEqualTo(1);
                JsRuntime held = pool.acquire();
                JsRuntime second = pool.acquire();
                JsRuntime third = pool.acquire();
                assertThatThrownBy(pool::acquire).isInstanceOf(JsRuntimePoolExhaustedException.class)
                    .hasMessageContaining("within 250 ms")
                    .hasMessageContaining("pool 'scripts'");
                held.close();
                second.close();
                third.close();
            });
    }

    @Test
    void poolDefaultsMatchTheDocumentation() {
        this.runner.run(context -> {
            PoolSettings settings = context.getBean(JsRuntimePool.class).settings();
            assertThat(settings.name()).isEqualTo("jsrun");
            assertThat(settings.maxSize()).isEqualTo(8);
            assertThat(settings.minIdle()).isEqualTo(2);
            assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.maxUses()).isZero();
            assertThat(settings.cleanerThreads()).isEqualTo(Math.min(8, Runtime.getRuntime().availableProcessors()));
        });
    }

    @Test
    void closingTheContextClosesThePool() {
        JsRuntimePool[] pool = new JsRuntimePool[1];
        this.runner.run(context -> pool[0] = context.getBean(JsRuntimePool.class));
        assertThat(pool[0].isOpen()).isFalse();
        assertThatThrownBy(pool[0]::acquire).isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                ex -> assertThat(ex.reason()).isEqualTo(JsRuntimeUnavailableException.Reason.CLOSED));
    }

    @Test
    void backsOffWhenDisabled() {
        this.runner.withPropertyValues("jsrun.enabled=false", "jsrun.snapshot.scripts=classpath:js/broken.js")
            .run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(Snapshot.class)
                .doesNotHaveBean(JsRuntimeFactory.class));
    }

    @Test
    void usesUserDefinedBeans() {
        this.runner.withUserConfiguration(UserBeans.class)
            .withPropertyValues("jsrun.snapshot.scripts=classpath:js/broken.js")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Snapshot.class).scriptNames()).containsExactly("user.js");
                assertThat(context.getBean(JsRuntimeFactory.class)).isSameAs(context.getBean("customFactory"));
            });
    }

    @Test
    void appliesCustomizersAfterTheScripts() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js")
            .withBean(SnapshotBuilderCustomizer.class,
                    () -> builder -> builder.executeCommonJs("shout", "shout.js",
                            "module.exports = s => greet(s).toUpperCase();"))
            .run(context -> {
                try (JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
                    assertThat(js.eval("shout('you')")).isEqualTo("HELLO, YOU!");
                }
            });
    }

    @Test
    void appliesRuntimeConfigCustomizersToThePool() {
        this.runner
            .withBean(RuntimeConfigCustomizer.class,
                    () -> builder -> builder.hostFunction("javaVersion", args -> "17+"))
            .run(context -> {
                try (JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
                    assertThat(js.eval("javaVersion()")).isEqualTo("17+");
                }
            });
    }

    @Test
    void missingScriptFailsStartupNamingPropertyAndLocation() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js,classpath:js/missing.js")
            .run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new SnapshotScriptNotFoundFailureAnalyzer()
                    .analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("jsrun.snapshot.scripts[1]")
                    .contains("classpath:js/missing.js")
                    .contains("no such resource");
                assertThat(analysis.getAction()).contains("Correct 'jsrun.snapshot.scripts[1]'");
            });
    }

    @Test
    void ambiguousWildcardFailsStartup() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath*:js/*.js").run(context -> {
            FailureAnalysis analysis = new SnapshotScriptNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                .contains("resources match, but a script location must match exactly one");
        });
    }

    @Test
    void syntaxErrorFailsStartupWithLineAndColumn() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js,classpath:js/broken.js")
            .run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new SnapshotBuildFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("Script: classpath:js/broken.js")
                    .contains("Line: 2, column: 15")
                    .contains("SyntaxError");
                assertThat(analysis.getAction()).contains("classpath:js/broken.js:2:15");
            });
    }

    @Test
    void throwingScriptFailsStartupWithItsError() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/throws.js").run(context -> {
            FailureAnalysis analysis = new SnapshotBuildFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Line: 3, column: 1").contains("config is not defined");
        });
    }

    @Test
    void esModuleFailsStartupAskingForTheCommonJsBuild() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/esm.js").run(context -> {
            assertThat(context.getStartupFailure())
                .hasRootCauseInstanceOf(com.caoccao.javet.exceptions.JavetCompilationException.class);
            FailureAnalysis analysis = new SnapshotBuildFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("classpath:js/esm.js");
            assertThat(analysis.getAction()).contains("CommonJS or UMD build").contains("jsrun.snapshot.scripts");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        @Bean
        Snapshot userSnapshot() {
            return new SnapshotBuilder().executeScript("user.js", "globalThis.user = true;").build();
        }

        @Bean
        JsRuntimeFactory customFactory(Snapshot snapshot) {
            return new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build());
        }

    }

}
