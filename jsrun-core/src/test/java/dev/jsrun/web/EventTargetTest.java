package dev.jsrun.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.NodeJson;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Event, CustomEvent and EventTarget against the DOM Standard, with Node 20 as the
 * reference where it follows the standard: each trace is the JSON of what an async
 * function body returns, run in jsrun and in Node.
 */
class EventTargetTest {

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    /** The JSON of what {@code body}, the body of an async function, returns in jsrun. */
    static String inJsrun(JsRuntime js, String body) throws Exception {
        return (String) js.evalAsync("(async () => {\n" + body + "\n})().then(value => JSON.stringify(value))")
            .get(30, TimeUnit.SECONDS);
    }

    /**
     * The JSON of what {@code body}, the body of an async function, returns in Node,
     * which is kept alive for it.
     */
    static String inNode(String body) throws IOException, InterruptedException {
        String encoded = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        String program = "const keep = setInterval(() => {}, 1 << 30);" + "const body = Buffer.from('" + encoded
                + "', 'base64').toString('utf8');" + "(0, eval)('(async () => {\\n' + body + '\\n})()').then("
                + " value => process.stdout.write(JSON.stringify(value), () => process.exit(0)),"
                + " error => { console.error(error); process.exit(1); });";
        Process process = new ProcessBuilder("node", "-e", program).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("node failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code body} in a runtime of {@code runtimes} and in Node and expects the same
     * trace; answers it.
     */
    static String sameAsNode(JsRuntimeFactory runtimes, String body) throws Exception {
        assumeTrue(NodeJson.available(), "Node is not installed");
        String node = inNode(body);
        try (JsRuntime js = runtimes.create()) {
            assertThat(inJsrun(js, body)).isEqualTo(node);
        }
        return node;
    }

    private static String sameAsNode(String body) throws Exception {
        return sameAsNode(factory, body);
    }

    private static String jsrun(String body) throws Exception {
        try (JsRuntime js = factory.create()) {
            return inJsrun(js, body);
        }
    }

    @Test
    void dispatchOrderMatchesNode() throws Exception {
        String trace = sameAsNode("""
                const log = [];
                const t = new EventTarget();
                const first = function (e) {
                  log.push(['first', this === t, e.target === t, e.currentTarget === t, e.srcElement === t,
                    e.eventPhase, e.composedPath().length, e.composedPath()[0] === t, e.isTrusted]);
                  t.removeEventListener('x', removed);
                };
                const removed = () => log.push('removed (never)');
                const object = { handleEvent(e) { log.push(['object', this === object, e.type]); } };
                t.addEventListener('x', first);
                t.addEventListener('x', first);
                t.addEventListener('x', first, false);
                t.addEventListener('x', first, { capture: false, once: true });
                t.addEventListener('x', removed);
                t.addEventListener('x', object);
                t.addEventListener('x', () => log.push('last'));
                t.addEventListener('y', () => log.push('other type (never)'));
                const e = new Event('x');
                log.push(['returned', t.dispatchEvent(e)]);
                log.push(['after', e.target === t, e.currentTarget, e.eventPhase, e.composedPath().length]);
                log.push(['again', t.dispatchEvent(new Event('x'))]);
                return log;
                """);
        assertThat(trace).contains("last").doesNotContain("never");
    }

    @Test
    void stopImmediatePropagationAndCancelingMatchNode() throws Exception {
        sameAsNode(
                """
                        const log = [];
                        const t = new EventTarget();
                        t.addEventListener('x', e => { log.push(['1', e.defaultPrevented, e.returnValue]); e.preventDefault();
                          log.push(['1 after', e.defaultPrevented, e.returnValue]); });
                        t.addEventListener('x', e => { log.push('2'); e.stopImmediatePropagation(); log.push(e.cancelBubble); });
                        t.addEventListener('x', () => log.push('3 (stopped)'));
                        const cancelable = new Event('x', { cancelable: true });
                        log.push(['cancelable', t.dispatchEvent(cancelable), cancelable.defaultPrevented]);
                        const plain = new Event('x');
                        log.push(['not cancelable', t.dispatchEvent(plain), plain.defaultPrevented]);
                        const passive = new Event('p', { cancelable: true });
                        t.addEventListener('p', e => log.push(['passive', e.defaultPrevented]), { passive: true });
                        t.addEventListener('p', e => { e.preventDefault(); log.push(['not passive', e.defaultPrevented]); },
                          { passive: false });
                        log.push(['passive', t.dispatchEvent(passive), passive.defaultPrevented]);
                        return log;
                        """);
    }

    @Test
    void onceAndSignalMatchNode() throws Exception {
        sameAsNode("""
                const log = [];
                const t = new EventTarget();
                const once = () => { log.push('once'); t.dispatchEvent(new Event('x')); };
                t.addEventListener('x', once, { once: true });
                t.addEventListener('x', () => log.push('every'));
                t.dispatchEvent(new Event('x'));
                t.dispatchEvent(new Event('x'));
                t.addEventListener('x', once, { once: true });
                t.removeEventListener('x', once);
                t.dispatchEvent(new Event('x'));

                const controller = new AbortController();
                const bySignal = () => log.push('by signal');
                t.addEventListener('s', bySignal, { signal: controller.signal });
                t.addEventListener('s', () => log.push('s, other'), { signal: controller.signal, once: true });
                t.dispatchEvent(new Event('s'));
                controller.abort();
                t.dispatchEvent(new Event('s'));
                t.addEventListener('s', bySignal, { signal: controller.signal });
                t.dispatchEvent(new Event('s'));
                log.push('aborted signal adds nothing');

                const second = new AbortController();
                t.addEventListener('r', bySignal, { signal: second.signal });
                t.removeEventListener('r', bySignal);
                second.abort();
                t.dispatchEvent(new Event('r'));
                log.push('removed before the abort');

                const third = new AbortController();
                t.addEventListener('d', e => { log.push('aborting from a listener'); third.abort(); });
                t.addEventListener('d', () => log.push('removed by abort (never)'), { signal: third.signal });
                t.dispatchEvent(new Event('d'));
                return log;
                """);
    }

    @Test
    void eventsAreMadeAsNodeMakesThem() throws Exception {
        sameAsNode(
                """
                        const e = new Event('x');
                        const c = new CustomEvent('c', { detail: { n: 1 }, bubbles: true, cancelable: true, composed: true });
                        const read = ev => [ev.type, ev.bubbles, ev.cancelable, ev.composed, ev.defaultPrevented,
                          ev.returnValue, ev.cancelBubble, ev.eventPhase, ev.target, ev.currentTarget, ev.isTrusted,
                          typeof ev.timeStamp, ev.timeStamp >= 0];
                        const errors = [];
                        const attempt = f => { try { f(); errors.push('no error'); } catch (err) { errors.push(err.name); } };
                        attempt(() => new Event());
                        attempt(() => new CustomEvent());
                        attempt(() => Event('x'));
                        attempt(() => new Event('x', 5));
                        attempt(() => new Event(Symbol('s')));
                        attempt(() => new EventTarget().dispatchEvent({ type: 'x' }));
                        attempt(() => new EventTarget().dispatchEvent());
                        attempt(() => new EventTarget().addEventListener('x'));
                        attempt(() => new EventTarget().addEventListener('x', 5));
                        attempt(() => new EventTarget().addEventListener('x', () => {}, { signal: null }));
                        attempt(() => new EventTarget().addEventListener('x', () => {}, { signal: {} }));
                        attempt(() => EventTarget.prototype.addEventListener.call({}, 'x', () => {}));
                        attempt(() => Object.getOwnPropertyDescriptor(Event.prototype, 'type').get.call({}));
                        return {
                          e: read(e), c: read(c), detail: c.detail, noDetail: new CustomEvent('n').detail,
                          numberType: new Event(12).type, nullType: new Event(null).type,
                          init: read(new Event('i', { bubbles: 1, cancelable: '', composed: {} })),
                          nullInit: read(new Event('i', null)),
                          errors,
                          tags: [String(e), String(c), String(new EventTarget())],
                          constants: [Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE],
                          instances: [c instanceof Event, new EventTarget() instanceof EventTarget],
                          kinds: [typeof Event, typeof CustomEvent, typeof EventTarget],
                          lengths: [EventTarget.prototype.addEventListener.length, EventTarget.prototype.removeEventListener.length,
                            EventTarget.prototype.dispatchEvent.length],
                          typeDescriptor: Object.getOwnPropertyDescriptor(Event.prototype, 'type').enumerable,
                          noneDescriptor: Object.getOwnPropertyDescriptor(Event, 'NONE'),
                          subclass: (() => { class Mine extends EventTarget { hi() { return 'hi'; } }
                            const m = new Mine(); let seen = 0; m.addEventListener('x', () => seen++);
                            m.dispatchEvent(new Event('x')); return [m.hi(), seen]; })(),
                        };
                        """);
    }

    @Test
    void capturingListenersRunFirstAndStopPropagationEndsTheDispatch() throws Exception {
        // Node 20 runs a target's listeners in the order they were added, capturing or
        // not, and lets the others of the target run after stopPropagation(); the
        // standard invokes the capturing ones, then the others, unless propagation was
        // stopped, even before the dispatch
        String trace = jsrun("""
                const log = [];
                const t = new EventTarget();
                const capturing = e => log.push('capturing 1, phase ' + e.eventPhase);
                t.addEventListener('x', () => log.push('bubbling 1'));
                t.addEventListener('x', capturing, true);
                t.addEventListener('x', () => log.push('bubbling 2'));
                t.addEventListener('x', () => log.push('capturing 2'), { capture: true });
                t.addEventListener('x', capturing, { capture: true, once: true });
                t.addEventListener('x', capturing, false);
                t.dispatchEvent(new Event('x'));
                const s = new EventTarget();
                s.addEventListener('y', () => log.push('bubbling (stopped)'));
                s.addEventListener('y', e => { e.stopPropagation(); log.push('capturing stops'); }, true);
                const y = new Event('y');
                s.dispatchEvent(y);
                const z = new Event('z');
                z.cancelBubble = true;
                s.addEventListener('z', () => log.push('z (stopped before the dispatch)'));
                log.push(['stopped before', s.dispatchEvent(z), z.target === s]);
                return log;
                """);
        assertThat(trace).isEqualTo("""
                ["capturing 1, phase 2","capturing 2","bubbling 1","bubbling 2","capturing 1, phase 2",\
                "capturing stops",["stopped before",true,true]]""");
    }

    @Test
    void listenersAddedDuringADispatchWaitForTheNextOne() throws Exception {
        // Node 20 calls a listener added during the dispatch in that same dispatch; the
        // standard runs the listeners of a copy of the list, taken once for the capturing
        // listeners and again for the others
        String trace = jsrun("""
                const log = [];
                const t = new EventTarget();
                const added = () => log.push('added');
                t.addEventListener('x', () => { log.push('first'); t.addEventListener('x', added); });
                t.addEventListener('x', e => { log.push('capturing');
                  t.addEventListener('x', () => log.push('added while capturing'), { once: true }); }, true);
                t.dispatchEvent(new Event('x'));
                log.push('again');
                t.dispatchEvent(new Event('x'));
                return log;
                """);
        assertThat(trace).isEqualTo(
                """
                        ["capturing","first","added while capturing","again","capturing","first","added","added while capturing"]""");
    }

    @Test
    void passiveListenersAndReturnValueCancelAsTheStandardSays() throws Exception {
        // Node 20 lets preventDefault() in a passive listener cancel the event and has no
        // returnValue setter
        String trace = jsrun("""
                const log = [];
                const t = new EventTarget();
                t.addEventListener('p', e => { e.preventDefault(); e.returnValue = false;
                  log.push(['in passive', e.defaultPrevented, e.returnValue]); }, { passive: true });
                t.addEventListener('p', e => log.push(['next', e.defaultPrevented]));
                const passive = new Event('p', { cancelable: true });
                log.push(['passive', t.dispatchEvent(passive), passive.defaultPrevented]);
                const byReturnValue = new Event('z', { cancelable: true });
                t.addEventListener('z', e => { e.returnValue = true; e.returnValue = 0; });
                log.push(['returnValue', t.dispatchEvent(byReturnValue), byReturnValue.defaultPrevented,
                  byReturnValue.returnValue]);
                const outside = new Event('o', { cancelable: true });
                outside.preventDefault();
                log.push(['outside a dispatch', outside.defaultPrevented, t.dispatchEvent(outside)]);
                return log;
                """);
        assertThat(trace).isEqualTo("""
                [["in passive",false,true],["next",false],["passive",true,false],\
                ["returnValue",false,true,false],["outside a dispatch",true,false]]""");
    }

    @Test
    void aSignalRemovesOnlyTheListenerItCameWith() throws Exception {
        // Node 20 removes whatever listener of that callback is there when the signal
        // aborts, even one added again without the signal; the standard removes the
        // listener the signal came with, which is gone already
        String trace = jsrun("""
                const log = [];
                const t = new EventTarget();
                const controller = new AbortController();
                const listener = () => log.push('re-added listener');
                t.addEventListener('r', listener, { signal: controller.signal });
                t.removeEventListener('r', listener);
                t.addEventListener('r', listener);
                controller.abort();
                t.dispatchEvent(new Event('r'));
                const signal = AbortSignal.abort();
                t.addEventListener('s', () => log.push('never'), { signal });
                t.dispatchEvent(new Event('s'));
                return log;
                """);
        assertThat(trace).isEqualTo("[\"re-added listener\"]");
    }

    @Test
    void flagsIsTrustedAndConstantsAreWhereTheStandardPutsThem() throws Exception {
        // Node 20 keeps stopPropagation's flag after the dispatch, shows eventPhase NONE
        // to every listener after the first, gives isTrusted from the prototype and
        // leaves the constants off Event.prototype
        String trace = jsrun("""
                const t = new EventTarget();
                const phases = [];
                t.addEventListener('p', e => phases.push(e.eventPhase));
                t.addEventListener('p', e => phases.push(e.eventPhase));
                t.dispatchEvent(new Event('p'));
                t.addEventListener('y', e => e.stopImmediatePropagation());
                const y = new Event('y');
                t.dispatchEvent(y);
                const own = Object.getOwnPropertyDescriptor(y, 'isTrusted');
                const init = new Event('i', { cancelable: true });
                init.preventDefault();
                init.initEvent('renamed', true);
                return [phases, y.cancelBubble, typeof own.get, own.enumerable, own.configurable,
                  own.get === Object.getOwnPropertyDescriptor(new Event('w'), 'isTrusted').get,
                  Event.prototype.AT_TARGET, y.BUBBLING_PHASE,
                  Object.getOwnPropertyDescriptor(Event.prototype, 'NONE').writable,
                  [init.type, init.bubbles, init.cancelable, init.defaultPrevented]];
                """);
        assertThat(trace)
            .isEqualTo("[[2,2],false,\"function\",true,false,true,2,3,false,[\"renamed\",true,false,false]]");
    }

    @Test
    void dispatchingAnEventBeingDispatchedIsAnInvalidStateError() throws Exception {
        // Node 20 throws its own ERR_EVENT_RECURSION, an Error rather than the
        // DOMException the standard asks for
        String trace = jsrun("""
                const log = [];
                const t = new EventTarget();
                const other = new EventTarget();
                const e = new Event('x');
                t.addEventListener('x', () => {
                  for (const target of [t, other]) {
                    try { target.dispatchEvent(e); log.push('dispatched'); }
                    catch (error) { log.push([error.name, error instanceof Error]); }
                  }
                });
                t.dispatchEvent(e);
                log.push(['after the dispatch it may go again', t.dispatchEvent(e)]);
                return log;
                """);
        assertThat(trace).startsWith("[[\"InvalidStateError\",true],[\"InvalidStateError\",true],"
                + "[\"InvalidStateError\",true],[\"InvalidStateError\",true],");
        assertThat(trace).endsWith("[\"after the dispatch it may go again\",true]]");
    }

    @Test
    void aThrowingListenerFailsTheCallAfterTheDispatchHasRunToItsEnd() throws Exception {
        try (JsRuntime js = factory.create()) {
            js.eval("""
                    globalThis.log = [];
                    globalThis.t = new EventTarget();
                    t.addEventListener('x', () => { log.push(1); throw new RangeError('first listener'); });
                    t.addEventListener('x', { handleEvent: 'not a function' });
                    t.addEventListener('x', () => log.push(2));
                    """);
            assertThatThrownBy(() -> js.eval("log.push(t.dispatchEvent(new Event('x', { cancelable: true })))"))
                .isInstanceOf(JsException.class)
                .hasMessageContaining("RangeError")
                .hasMessageContaining("first listener");
            assertThat(js.eval("JSON.stringify(log)")).isEqualTo("[1,2,true]");
            assertThatThrownBy(() -> js.evalAsync("""
                    t.addEventListener('later', () => { throw new TypeError('in a timer'); });
                    setTimeout(() => t.dispatchEvent(new Event('later')), 5);
                    new Promise(resolve => setTimeout(() => resolve('done'), 50))
                    """).get(10, TimeUnit.SECONDS)).hasMessageContaining("in a timer");
            // the runtime goes on working after the failed call
            assertThat(js.eval("log.length")).isEqualTo(3);
        }
    }

    @Test
    void aListenerOfOneBorrowerNeverReachesTheNext() throws Exception {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("bus.js", "globalThis.bus = new EventTarget(); globalThis.heard = { count: 0 };")
            .build();
        RuntimeConfig config = RuntimeConfig.builder().snapshot(snapshot).build();
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().minIdle(1).maxSize(1).build())) {
            for (int borrow = 0; borrow < 20; borrow++) {
                String scope = borrow % 2 == 0 ? "tenant-a" : "tenant-b";
                try (JsRuntime js = borrow % 4 < 2 ? pool.acquire() : pool.acquire(scope)) {
                    assertThat(js.eval("""
                            const before = heard.count;
                            bus.dispatchEvent(new Event('ping'));
                            const listened = heard.count - before;
                            bus.addEventListener('ping', () => { heard.count += 100; });
                            bus.addEventListener('ping', { handleEvent() { heard.count += 1000; } }, { once: true });
                            listened
                            """)).as("listeners another borrower added, borrow %d", borrow).isEqualTo(0);
                }
            }
        }
    }

}
