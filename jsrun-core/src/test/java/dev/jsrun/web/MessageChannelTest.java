package dev.jsrun.web;

import static dev.jsrun.web.EventTargetTest.inJsrun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * MessageChannel, MessagePort and MessageEvent against the HTML Standard, with Node 20 as
 * the reference for what it makes deterministic: the order of one port's messages and
 * their microtasks. Node's order between timers and messages, and between ports, depends
 * on timing, so no test relies on it.
 */
class MessageChannelTest {

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
    void messagesArriveInOrderEachFollowedByItsMicrotasks() throws Exception {
        String trace = sameAsNode("""
                const log = [];
                const { port1, port2 } = new MessageChannel();
                let done;
                const finished = new Promise(resolve => { done = resolve; });
                port2.onmessage = e => {
                  log.push('message ' + e.data);
                  Promise.resolve().then(() => log.push('microtask ' + e.data))
                    .then(() => log.push('second microtask ' + e.data));
                  queueMicrotask(() => log.push('queued ' + e.data));
                  if (e.data === 1) {
                    port1.postMessage('posted while handling 1');
                  }
                  if (e.data === 'posted while handling 1') {
                    done();
                  }
                };
                port1.postMessage(1);
                port1.postMessage(2);
                port1.postMessage(3);
                log.push('sync');
                await finished;
                await new Promise(resolve => setTimeout(resolve, 5));
                return log;
                """);
        assertThat(trace)
            .startsWith(
                    "[\"sync\",\"message 1\",\"microtask 1\",\"queued 1\",\"second microtask 1\"," + "\"message 2\"")
            .endsWith("\"message posted while handling 1\",\"microtask posted while handling 1\","
                    + "\"queued posted while handling 1\",\"second microtask posted while handling 1\"]");
    }

    @Test
    void bothDirectionsAndEventsMatchNode() throws Exception {
        sameAsNode("""
                const log = [];
                const channel = new MessageChannel();
                const { port1, port2 } = channel;
                let replies = 0;
                const finished = new Promise(resolve => {
                  port1.onmessage = e => { log.push(['port1 got', e.data]); if (++replies === 2) resolve(); };
                });
                port2.onmessage = function (e) {
                  log.push(['port2 got', e.data, this === port2, e.target === port2, e.currentTarget === port2,
                    e.origin, e.lastEventId, e.source, e.ports.length, e.ports === e.ports, e.bubbles, e.cancelable,
                    e instanceof MessageEvent, e instanceof Event, e.type]);
                  port2.postMessage(e.data * 10);
                };
                port1.postMessage(1);
                port1.postMessage(2);
                await finished;
                log.push([channel.port1 === port1, port1 instanceof EventTarget, typeof port1.start, typeof port1.close,
                  port1.onmessageerror]);
                const errors = [];
                for (const f of [() => new MessagePort(), () => port1.postMessage(), () => MessageChannel(),
                    () => MessagePort.prototype.postMessage.call({}, 1),
                    () => new MessageEvent('m', { ports: [1] }), () => new MessageEvent('m', { source: {} })]) {
                  try { f(); errors.push('no error'); } catch (error) { errors.push(error.name); }
                }
                log.push(errors);
                const made = new MessageEvent('custom', { data: { a: 1 }, origin: 'o', lastEventId: '7', source: port1,
                  ports: [port2] });
                log.push([made.data, made.origin, made.lastEventId, made.source === port1, made.ports[0] === port2,
                  new MessageEvent('d').data, new MessageEvent('d', { data: undefined }).data]);
                port1.close();
                port2.close();
                return log;
                """);
    }

    @Test
    void addEventListenerWaitsForStart() throws Exception {
        // the HTML Standard enables a port's message queue on start() or on setting
        // onmessage, not on adding a
        // listener, which Node 20 takes as a start
        String trace = jsrun("""
                const log = [];
                const { port1, port2 } = new MessageChannel();
                port2.addEventListener('message', e => log.push('listener ' + e.data));
                port1.postMessage(1);
                port1.postMessage(2);
                await new Promise(resolve => setTimeout(resolve, 20));
                log.push('before start');
                port2.start();
                port2.start();
                port1.postMessage(3);
                await new Promise(resolve => setTimeout(resolve, 20));
                const other = new MessageChannel();
                other.port1.postMessage('held');
                other.port2.addEventListener('message', e => log.push('other ' + e.data));
                await new Promise(resolve => setTimeout(resolve, 5));
                other.port2.onmessage = null;
                await new Promise(resolve => setTimeout(resolve, 5));
                return log;
                """);
        assertThat(trace).isEqualTo("[\"before start\",\"listener 1\",\"listener 2\",\"listener 3\",\"other held\"]");
    }

    @Test
    void aPromiseWaitingOnAPortThatNeverStartsFailsAtOnce() throws Exception {
        try (JsRuntime js = factory.create()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> js.evalAsync("""
                    const { port1, port2 } = new MessageChannel();
                    port1.postMessage('never delivered');
                    new Promise(resolve => port2.addEventListener('message', resolve))
                    """).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(JsException.class)
                .hasMessageContaining("can never settle");
            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(js.evalAsync("""
                    const c = new MessageChannel();
                    c.port1.postMessage('delivered');
                    new Promise(resolve => { c.port2.onmessage = e => resolve(e.data); })
                    """).get(10, TimeUnit.SECONDS)).isEqualTo("delivered");
        }
    }

    @Test
    void closingDropsMessagesAsNodeDoes() throws Exception {
        sameAsNode("""
                const log = [];
                const wait = ms => new Promise(resolve => setTimeout(resolve, ms));
                const sender = new MessageChannel();
                sender.port2.onmessage = e => log.push(['sender closed', e.data]);
                sender.port1.postMessage('posted before the sender closed');
                sender.port1.close();
                sender.port1.postMessage('posted after closing');
                await wait(20);
                const receiver = new MessageChannel();
                receiver.port2.onmessage = e => log.push(['receiver closed (never)', e.data]);
                receiver.port1.postMessage('queued when the receiver closed');
                receiver.port2.close();
                receiver.port1.postMessage('posted to a closed port');
                receiver.port2.postMessage('posted from a closed port');
                await wait(20);
                const twice = new MessageChannel();
                twice.port1.close();
                twice.port1.close();
                twice.port2.close();
                log.push('closed twice');
                return log;
                """);
    }

    @Test
    void eventsAndInterfacesAreAsTheStandardDefinesThem() throws Exception {
        // the HTML Standard fires message events as trusted events with a frozen ports
        // array, MessageEvent takes EventInit's members and needs a type, and Web IDL
        // names each interface in its toStringTag; Node 20 does none of these
        String trace = jsrun(
                """
                        const { port1, port2 } = new MessageChannel();
                        const event = await new Promise(resolve => { port2.onmessage = resolve; port1.postMessage('x'); });
                        const made = new MessageEvent('m', { ports: [port1], bubbles: true, cancelable: true });
                        const controller = new AbortController();
                        const abort = await new Promise(resolve => { controller.signal.onabort = resolve; controller.abort(); });
                        let missingType;
                        try { new MessageEvent(); } catch (error) { missingType = error.name; }
                        return [event.isTrusted, Object.isFrozen(event.ports), Object.isFrozen(made.ports), made.isTrusted,
                          made.bubbles, made.cancelable, abort.isTrusted, missingType,
                          port1.dispatchEvent(new MessageEvent('message', { data: 'by hand' })),
                          String(port1), String(new MessageChannel()), String(event)];
                        """);
        assertThat(trace).isEqualTo("[true,true,true,false,true,true,true,\"TypeError\",true,"
                + "\"[object MessagePort]\",\"[object MessageChannel]\",\"[object MessageEvent]\"]");
    }

    @Test
    void aPortClosedWhileHandlingGetsNoMoreMessages() throws Exception {
        // Node 20 still delivers the messages of the batch it is in when a port closes;
        // the tasks of a closed port deliver nothing here, as for the messages Node drops
        // when the receiving port closes before they run
        String trace = jsrun("""
                const log = [];
                const { port1, port2 } = new MessageChannel();
                port2.onmessage = e => {
                  log.push(e.data);
                  if (e.data === 1) port2.close();
                };
                port1.postMessage(1);
                port1.postMessage(2);
                await new Promise(resolve => setTimeout(resolve, 20));
                return log;
                """);
        assertThat(trace).isEqualTo("[1]");
    }

    @Test
    void postMessageTakesATransferListOrOptions() throws Exception {
        // MessagePort objects cannot be transferred here (there is nowhere else for them
        // to go); the standard's own rule, that a port cannot be sent through itself,
        // gives the same DataCloneError
        String trace = jsrun("""
                const { port1, port2 } = new MessageChannel();
                const results = [];
                const attempt = (...args) => {
                  try { port1.postMessage(...args); results.push('posted'); }
                  catch (error) { results.push(error.name); }
                };
                attempt('a', []);
                attempt('b', { transfer: [] });
                attempt('c', {});
                attempt('d', null);
                attempt('e', undefined);
                attempt('f', 5);
                attempt('g', [5]);
                attempt('h', { transfer: 5 });
                attempt('i', [port1]);
                attempt('j', [port2]);
                attempt('k', { transfer: [new MessageChannel().port1] });
                const received = [];
                await new Promise(resolve => {
                  port2.onmessage = e => { received.push(e.data); if (e.data === 'e') resolve(); };
                });
                return [results, received];
                """);
        assertThat(trace).isEqualTo("[[\"posted\",\"posted\",\"posted\",\"posted\",\"posted\",\"TypeError\","
                + "\"TypeError\",\"TypeError\",\"DataCloneError\",\"DataCloneError\",\"DataCloneError\"],"
                + "[\"a\",\"b\",\"c\",\"d\",\"e\"]]");
    }

    @Test
    void messagesAreStructuredClonesAsInNode() throws Exception {
        try (JsRuntime js = factory.create()) {
            assumeTrue(Boolean.TRUE.equals(js.eval("typeof structuredClone === 'function'")),
                    "the platform has no structured clone");
        }
        sameAsNode("""
                const { port1, port2 } = new MessageChannel();
                const received = [];
                const finished = new Promise(resolve => {
                  port2.onmessage = e => { received.push(e.data); if (received.length === 2) resolve(); };
                });
                const message = { list: [1, 'two', { three: 3n }], when: new Date(0), map: new Map([[1, 'one']]) };
                message.self = message;
                const buffer = new Uint8Array([1, 2, 3]).buffer;
                port1.postMessage(message);
                port1.postMessage(buffer, [buffer]);
                const errors = [];
                for (const value of [() => {}, Symbol('s'), { f() {} }]) {
                  try { port1.postMessage(value); errors.push('posted'); } catch (error) { errors.push(error.name); }
                }
                await finished;
                const [copy, moved] = received;
                return [copy !== message, copy.self === copy, copy.list[2].three === 3n, copy.when.getTime(),
                  copy.map.get(1), buffer.byteLength, [...new Uint8Array(moved)], errors];
                """);
    }

    @Test
    void aMessagePortOfOneBorrowerNeverReachesTheNext() throws Exception {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("channel.js", "globalThis.channel = new MessageChannel(); globalThis.got = [];")
            .build();
        RuntimeConfig config = RuntimeConfig.builder().snapshot(snapshot).build();
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().minIdle(1).maxSize(1).build())) {
            for (int borrow = 0; borrow < 12; borrow++) {
                // plain borrows and scopes: another scope gets the runtime reset, the
                // same scope again gets it with
                // the timers and messages its last borrower left dropped
                String scope = borrow % 3 == 0 ? null : "tenant-" + (borrow / 3);
                try (JsRuntime js = scope == null ? pool.acquire() : pool.acquire(scope)) {
                    boolean sameScope = borrow % 3 == 2;
                    assertThat(js.eval("channel.port2.onmessage !== null || channel.waiting !== undefined"))
                        .as("the last borrower's handler and port, borrow %d", borrow)
                        .isEqualTo(sameScope);
                    String seen = (String) js.evalAsync("""
                            channel.port2.start();
                            if (channel.waiting) channel.waiting.port2.onmessage = e => got.push(e.data);
                            new Promise(resolve => setTimeout(resolve, 20)).then(() => JSON.stringify(got))
                            """).get(10, TimeUnit.SECONDS);
                    assertThat(seen).as("messages the last borrower left, borrow %d", borrow).isEqualTo("[]");
                    // the promise settles before any message runs, so they are still
                    // queued when the borrow ends
                    assertThat(js.evalAsync("""
                            channel.port2.onmessage = e => got.push(e.data);
                            channel.port1.postMessage('queued by the last borrower');
                            channel.waiting = new MessageChannel();
                            channel.waiting.port1.postMessage('waiting for start');
                            Promise.resolve('left')
                            """).get(10, TimeUnit.SECONDS)).isEqualTo("left");
                }
            }
        }
    }

}
