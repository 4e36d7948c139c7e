package dev.jsrun.web;

import static dev.jsrun.web.EventTargetTest.inJsrun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * AbortController and AbortSignal against the DOM Standard, with Node 20 as the reference
 * where it follows it.
 */
class AbortSignalTest {

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static String sameAsNode(String body) throws Exception {
        return EventTargetTest.sameAsNode(factory, body);
    }

    private static String jsrun(String body) throws Exception {
        try (JsRuntime js = factory.create()) {
            return inJsrun(js, body);
        }
    }

    @Test
    void abortingMatchesNode() throws Exception {
        sameAsNode(
                """
                        const log = [];
                        const controller = new AbortController();
                        const signal = controller.signal;
                        log.push([signal === controller.signal, signal.aborted, signal.reason, signal.onabort]);
                        signal.throwIfAborted();
                        signal.addEventListener('abort', function (e) {
                          log.push(['listener', this === signal, e.type, e.isTrusted, e.bubbles, e.cancelable, e.target === signal,
                            signal.aborted]);
                        });
                        signal.onabort = e => log.push(['onabort', e.type]);
                        signal.addEventListener('abort', () => log.push('after onabort'));
                        controller.abort();
                        controller.abort('second');
                        const reason = signal.reason;
                        log.push([reason instanceof Error, reason.name, reason.message, String(reason)]);
                        try { signal.throwIfAborted(); } catch (error) { log.push(['thrown', error === reason]); }

                        const given = new AbortController();
                        given.abort({ why: 'mine' });
                        log.push(given.signal.reason);
                        const undefinedReason = new AbortController();
                        undefinedReason.abort(undefined);
                        log.push(undefinedReason.signal.reason.name);

                        const ready = AbortSignal.abort('ready');
                        log.push([ready.aborted, ready.reason, AbortSignal.abort().reason.name]);
                        const errors = [];
                        for (const f of [() => new AbortSignal(), () => AbortSignal.prototype.throwIfAborted.call({}),
                            () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call(new EventTarget()),
                            () => AbortSignal.any(), () => AbortSignal.any([1]), () => AbortSignal.any(5)]) {
                          try { f(); errors.push('no error'); } catch (error) { errors.push(error.name); }
                        }
                        log.push(errors);
                        log.push([String(signal), String(controller), signal instanceof EventTarget,
                          typeof AbortSignal.timeout, typeof AbortSignal.any]);
                        const handler = () => {};
                        signal.onabort = handler;
                        log.push([signal.onabort === handler, (signal.onabort = null, signal.onabort)]);
                        return log;
                        """);
    }

    @Test
    void listenersWithASignalGoWhenItAbortsAsInNode() throws Exception {
        sameAsNode(
                """
                        const log = [];
                        const controller = new AbortController();
                        const signal = controller.signal;
                        const t = new EventTarget();
                        t.addEventListener('x', () => log.push('x'), { signal });
                        signal.addEventListener('abort', () => log.push('own abort listener, removed first (never)'), { signal });
                        signal.addEventListener('abort', () => { log.push('abort event'); t.dispatchEvent(new Event('x')); });
                        t.dispatchEvent(new Event('x'));
                        controller.abort();
                        t.dispatchEvent(new Event('x'));
                        return log;
                        """);
    }

    @Test
    void anyMatchesNode() throws Exception {
        sameAsNode("""
                const log = [];
                const a = new AbortController();
                const b = new AbortController();
                const any = AbortSignal.any([a.signal, b.signal]);
                const ofAny = AbortSignal.any([any]);
                const twice = AbortSignal.any([a.signal, a.signal]);
                const never = AbortSignal.any([]);
                for (const [name, s] of [['a', a.signal], ['any', any], ['ofAny', ofAny], ['twice', twice]]) {
                  s.addEventListener('abort', () => log.push([name, s.reason]));
                }
                log.push([any.aborted, never.aborted]);
                b.abort('from b');
                a.abort('from a');
                log.push([any.reason, ofAny.reason, twice.reason, a.signal.reason, never.aborted]);

                const done = AbortSignal.abort('already');
                const fromAborted = AbortSignal.any([new AbortController().signal, done]);
                log.push([fromAborted.aborted, fromAborted.reason]);

                const c = new AbortController();
                const flat = AbortSignal.any([AbortSignal.any([c.signal]), new AbortController().signal]);
                flat.onabort = () => log.push(['flat', flat.reason.name]);
                c.abort();
                return log;
                """);
    }

    @Test
    void dependentSignalsAreAbortedBeforeAnyAbortEventFires() throws Exception {
        // the DOM Standard marks every dependent aborted before it runs any abort steps
        // (whatwg/dom#1295); Node 20 still aborts a dependent after its source's abort
        // event, so its listener sees [false, false]
        String trace = jsrun("""
                const log = [];
                const a = new AbortController();
                const first = AbortSignal.any([a.signal]);
                const second = AbortSignal.any([first, new AbortController().signal]);
                a.signal.addEventListener('abort', () => {
                  log.push(['source', first.aborted, second.aborted, AbortSignal.any([first]).aborted]);
                });
                first.addEventListener('abort', () => log.push(['first', first.reason]));
                second.addEventListener('abort', () => log.push(['second', second.reason]));
                a.abort('why');
                // a sequence is any iterable; Node 20 takes only arrays
                log.push(AbortSignal.any(new Set([a.signal])).reason);
                return log;
                """);
        assertThat(trace).isEqualTo("[[\"source\",true,true,true],[\"first\",\"why\"],[\"second\",\"why\"],\"why\"]");
    }

    @Test
    void timeoutAbortsWhileEvalAsyncWaitsOnIt() throws Exception {
        String trace = sameAsNode(
                """
                        const started = performance.now();
                        const signal = AbortSignal.timeout(50);
                        const before = signal.aborted;
                        const reason = await new Promise(resolve => signal.addEventListener('abort', () => resolve(signal.reason)));
                        return [before, signal.aborted, reason.name, reason.message, reason instanceof Error,
                          performance.now() - started >= 45];
                        """);
        assertThat(trace)
            .isEqualTo("[false,true,\"TimeoutError\",\"The operation was aborted due to timeout\",true,true]");
        try (JsRuntime js = factory.create()) {
            long started = System.nanoTime();
            Object result = js.evalAsync("""
                    new Promise((resolve, reject) => {
                      const signal = AbortSignal.timeout(50);
                      signal.onabort = () => reject(signal.reason);
                    }).catch(error => error.name)
                    """).get(10, TimeUnit.SECONDS);
            assertThat(result).isEqualTo("TimeoutError");
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void timeoutsAndAnyTogetherMatchNode() throws Exception {
        sameAsNode(
                """
                        const log = [];
                        const user = new AbortController();
                        const soon = AbortSignal.timeout(20);
                        const later = AbortSignal.timeout(60);
                        const either = AbortSignal.any([user.signal, soon]);
                        const lateOrUser = AbortSignal.any([later, user.signal]);
                        for (const [name, s] of [['soon', soon], ['later', later], ['either', either], ['lateOrUser', lateOrUser]]) {
                          s.addEventListener('abort', () => log.push([name, s.reason.name]));
                        }
                        await new Promise(resolve => setTimeout(resolve, 40));
                        log.push('40 ms');
                        user.abort();
                        await new Promise(resolve => later.addEventListener('abort', resolve));
                        log.push(AbortSignal.timeout(0).aborted);
                        return log;
                        """);
    }

    @Test
    void timeoutTakesAnUnsignedLongLong() throws Exception {
        // Web IDL's [EnforceRange] unsigned long long: a TypeError outside 0 to 2^53 - 1,
        // and strings convert; Node 20 throws a RangeError for negative delays and
        // refuses strings
        String trace = jsrun("""
                const results = [];
                for (const ms of [-1, NaN, Infinity, 2 ** 53, -Infinity, 10n, Symbol('s'), '5', 0.9, -0.5, 2 ** 32]) {
                  try { results.push(AbortSignal.timeout(ms).aborted); } catch (error) { results.push(error.name); }
                }
                try { AbortSignal.timeout(); } catch (error) { results.push(error.name); }
                return results;
                """);
        assertThat(trace).isEqualTo("[\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\","
                + "\"TypeError\",\"TypeError\",false,false,false,false,\"TypeError\"]");
    }

    @Test
    void aListenedDependentOutlivesEveryReferenceButItsSource() throws Exception {
        try (JsRuntime js = factory.create()) {
            js.eval("""
                    globalThis.controller = new AbortController();
                    globalThis.heard = [];
                    AbortSignal.any([controller.signal]).addEventListener('abort', e => heard.push(e.target.reason));
                    for (let i = 0; i < 10000; i++) AbortSignal.any([controller.signal]);
                    globalThis.probe = new WeakRef(AbortSignal.any([controller.signal]));
                    """);
            // garbage enough for V8 to run full collections, which clear the probe's
            // target
            for (int round = 0; round < 40 && !Boolean.TRUE.equals(js.eval("probe.deref() === undefined")); round++) {
                js.eval("{ let junk = []; for (let i = 0; i < 200000; i++) junk.push({ i, s: 'x' + i }); junk = null; }");
            }
            assertThat(js.eval("probe.deref() === undefined")).as("an unlistened dependent is collected")
                .isEqualTo(true);
            assertThat(js.eval("controller.abort('late'); heard.join()")).isEqualTo("late");
        }
    }

    @Test
    void aPendingTimeoutOfOneBorrowerNeverReachesTheNext() throws Exception {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("shared.js", "globalThis.controller = new AbortController(); globalThis.fired = [];")
            .build();
        RuntimeConfig config = RuntimeConfig.builder().snapshot(snapshot).build();
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().minIdle(1).maxSize(1).build())) {
            for (int borrow = 0; borrow < 10; borrow++) {
                try (JsRuntime js = borrow % 2 == 0 ? pool.acquire() : pool.acquire("tenant-" + borrow)) {
                    assertThat(js.eval("JSON.stringify([controller.signal.aborted, fired])")).as("borrow %d", borrow)
                        .isEqualTo("[false,[]]");
                    // nothing of the last borrower is left to run: a promise that waits
                    // on nothing fails at once
                    assertThatThrownBy(() -> js.evalAsync("new Promise(() => {})").get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(JsException.class)
                        .hasMessageContaining("can never settle");
                    js.eval("""
                            const timeout = AbortSignal.timeout(30);
                            timeout.onabort = () => { fired.push('timeout'); controller.abort('by the last borrower'); };
                            AbortSignal.any([timeout, controller.signal]).addEventListener('abort', () => fired.push('any'));
                            """);
                }
            }
        }
    }

}
