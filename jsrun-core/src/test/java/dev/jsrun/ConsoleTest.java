package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The console namespace: the methods libraries call, Node's format specifiers, and the
 * state of count, time and group kept per runtime.
 */
class ConsoleTest {

    private static final String LOGGER = "console.probe";

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().consoleLogger(LOGGER).build());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void everyMethodOfTheConsoleNamespaceExists() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("['assert', 'clear', 'count', 'countReset', 'debug', 'dir', 'dirxml', 'error', 'group',"
                    + " 'groupCollapsed', 'groupEnd', 'info', 'log', 'table', 'time', 'timeEnd', 'timeLog', 'trace',"
                    + " 'warn'].filter(name => typeof console[name] !== 'function').join()"))
                .isEqualTo("");
            // detached, as libraries take them
            assertThat(js.eval("const { count, time, timeEnd, assert } = console; count(); time(); timeEnd();"
                    + " assert(true); 1"))
                .isEqualTo(1);
        }
    }

    @Test
    void formatSpecifiersAndPrimitivesPrintAsInNode() throws Exception {
        assumeTrue(NodeJson.available(), "node is not installed");
        List<String> calls = List.of("'%s|%s|%s|%s|%s|%s', 1.5, -0, NaN, undefined, null, Symbol('s')",
                "'%d|%d|%d|%d|%d', '42', '', null, undefined, 1n", "'%i|%i|%f|%f', '42.9px', -0.5, '3.25e2x', 'abc'",
                "'%j|%j|%j|%j', undefined, 'str', null, { a: [1, 'b'] }", "'%x %s', 1", "'a%', 1", "'%%s %%', 1",
                "'100%%'", "'%s'", "'%s and %s', 'one'", "'%c styled', 'color: red', 'after'",
                "1, 2n, -0, NaN, Infinity, true, undefined, null, 'str'", "5, '%s', 'x'", "'%s', 10n, 'tail', 3n",
                "'%d%%', 99.5", "'%s:%s', 'k'", "''", "");
        StringBuilder script = new StringBuilder();
        for (String call : calls) {
            script.append("console.log(").append(call).append(");\n");
        }
        List<String> ours = lines(StdoutCapture.of(() -> {
            try (JsRuntime js = factory.create()) {
                js.eval(script.toString());
            }
        }));
        Process node = new ProcessBuilder("node", "-e", script.toString()).redirectErrorStream(true).start();
        String nodeOut = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> theirs = List.of(nodeOut.split("\n", -1)).subList(0, calls.size());
        assertThat(ours.stream().map(line -> line.startsWith("INFO ") ? line.substring(5) : line).toList())
            .containsExactlyElementsOf(theirs);
    }

    @Test
    void groupsIndentCountsCountAndTimersMeasure() {
        List<String> out = lines(StdoutCapture.of(() -> {
            try (JsRuntime js = factory.create()) {
                js.eval("console.group('G'); console.log('in\\nside'); console.groupCollapsed(); console.warn('deeper');"
                        + " console.groupEnd(); console.groupEnd(); console.groupEnd(); console.log('out');"
                        + " console.count(); console.count(); console.count('x'); console.countReset();"
                        + " console.countReset('nope'); console.count(); console.time('t'); console.timeLog('t', 'mid', 1);"
                        + " console.timeEnd('t'); console.timeEnd('t'); console.time('u'); console.time('u');"
                        + " console.assert(1 === 2, 'bad %s', 'thing'); console.assert(false); console.assert(true, 'no');"
                        + " console.dir({ a: 1 }); console.table([1, 2]); console.clear();");
            }
        }));
        assertThat(out).hasSize(18);
        assertThat(out.subList(0, 13)).containsExactly("INFO G", "INFO   in", "  side", "WARN     deeper", "INFO out",
                "INFO default: 1", "INFO default: 2", "INFO x: 1", "WARN Count for 'nope' does not exist",
                "INFO default: 1", out.get(10), out.get(11), "WARN Warning: No such label 't' for console.timeEnd()");
        assertThat(out.get(10)).matches("INFO t: \\d+\\.\\d{3}ms mid 1");
        assertThat(out.get(11)).matches("INFO t: \\d+\\.\\d{3}ms");
        assertThat(out.subList(13, 18)).containsExactly("WARN Warning: Label 'u' already exists for console.time()",
                "WARN Assertion failed: bad thing", "WARN Assertion failed", "INFO {\"a\":1}", "INFO [1,2]");
    }

    @Test
    void countsAndGroupsStartAgainInEachBorrow() {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().consoleLogger(LOGGER).build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            List<String> out = lines(StdoutCapture.of(() -> {
                for (int i = 0; i < 2; i++) {
                    try (JsRuntime js = pool.acquire()) {
                        js.eval("console.count('borrow'); console.group(); console.time('left');");
                    }
                }
                try (JsRuntime js = pool.acquire()) {
                    js.eval("console.log('flush'); console.timeEnd('left')");
                }
            }));
            assertThat(out).containsExactly("INFO borrow: 1", "INFO borrow: 1", "INFO flush",
                    "WARN Warning: No such label 'left' for console.timeEnd()");
        }
    }

    @Test
    void hostileArgumentsFailAsInNodeAndDeepGroupsStayBounded() {
        List<String> out = lines(StdoutCapture.of(() -> {
            try (JsRuntime js = factory.create()) {
                assertThatThrownBy(
                        () -> js.eval("console.log('%d', { valueOf() { throw new Error('from valueOf') } })"))
                    .isInstanceOf(JsException.class)
                    .hasMessageContaining("from valueOf");
                js.eval("console.log('%s %j', { toJSON() { throw 1 }, toString() { throw 2 } },"
                        + " (() => { const a = []; a.push(a); return a; })())");
                js.eval("for (let i = 0; i < 100000; i++) console.group(); console.log('deep')");
            }
        }));
        assertThat(out.get(0)).isEqualTo("INFO [a value that cannot be printed] [Circular]");
        assertThat(out.get(1)).isEqualTo("INFO " + " ".repeat(128) + "deep");
    }

    /** The console lines of the probe logger, each as its level and text. */
    private static List<String> lines(String output) {
        List<String> lines = new ArrayList<>();
        String marker = " " + LOGGER + " - ";
        boolean inMessage = false;
        for (String line : output.split("\n", -1)) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                String head = line.substring(0, at);
                String level = head.substring(head.lastIndexOf(' ') + 1);
                String text = line.substring(at + marker.length());
                lines.add(level.equals("INFO") && text.isEmpty() ? "" : level + " " + text);
                inMessage = true;
            }
            else if (inMessage && !line.isEmpty() && !line.startsWith("[")) {
                lines.add(line);
            }
            else {
                inMessage = false;
            }
        }
        return lines;
    }

}
