package dev.jsrun;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A V8 context in the state of the snapshot it was restored from. Not for concurrent use:
 * one thread at a time (threads may take turns). Closing a dedicated runtime disposes it;
 * closing a pooled one returns it to its pool. Any use after {@link #close()} throws
 * {@link IllegalStateException}.
 */
public interface JsRuntime extends AutoCloseable {

    /**
     * Evaluates a script and converts its completion value: {@code undefined} and
     * {@code null} to {@code null}; booleans; numbers to {@code Integer} or {@code Long}
     * when integral and in range, else {@code Double}; strings; arrays to {@code List};
     * plain objects to {@code Map} in property order. The timers the script sets that are
     * due at once, and the messages it posts, run before this returns; later timers wait
     * for the runtime's next call.
     * @throws JsException when the script throws or does not parse, or a timer or
     * listener throws
     * @throws JsTerminatedException when jsrun stops it: past the runtime's timeout
     * ({@link JsTimeoutException}), at a memory limit, or at its pool's shutdown
     */
    Object eval(String code);

    /**
     * {@link #eval(String)} with a timeout for this call only, overriding the runtime's
     * default.
     */
    Object eval(String code, Duration timeout);

    /**
     * {@link #evalAsync(String)} with a timeout for this call only, overriding the
     * runtime's default.
     */
    CompletableFuture<Object> evalAsync(String code, Duration timeout);

    /**
     * Evaluates a script and converts its value to {@code type}: {@code String},
     * {@code Boolean}, any {@code Number} type (exact integral values only for integer
     * types and {@code BigInteger}; a {@code BigDecimal} from any finite number, with the
     * digits JavaScript prints for it, and from a BigInt exactly), {@code List},
     * {@code Map} or {@code Object}.
     * @throws JsConversionException when the value does not fit {@code type}
     */
    <T> T eval(String code, Class<T> type);

    /**
     * Evaluates a script whose value may be a promise. The runtime's event loop runs on
     * the calling thread, with timers in real time, until the promise settles, all within
     * the timeout; the future then completes with the converted value, or exceptionally
     * with a {@link JsException} when it rejects, or when it is still pending with no
     * timer set and no message queued that could settle it. Dynamic
     * {@code import('name')} of static modules works here.
     */
    CompletableFuture<Object> evalAsync(String code);

    /**
     * Calls a JavaScript function with Java values as its arguments, which never become
     * source code. {@code function} is a global name ({@code "render"}) or a dotted path
     * from {@code globalThis} ({@code "marked.parse"}, {@code "Handlebars.compile"}); a
     * function reached by a path is called with its owner as {@code this}, as
     * {@code marked.parse(...)} would be, a global one with {@code this} undefined.
     * <p>
     * Arguments cross as: {@code null}; booleans; integral numbers (a BigInt beyond
     * ±2<sup>53</sup>−1, and for every {@code BigInteger}); {@code double}, {@code float}
     * (by its shortest decimal: 0.1f is 0.1) and {@code BigDecimal} as numbers (a
     * {@code BigDecimal} rounded to the nearest double); strings, {@code char} and other
     * {@code CharSequence}s; enums by name; {@code byte[]} as a {@code Uint8Array}; other
     * arrays, {@code List}s and {@code Set}s as arrays; {@code Map}s with {@code String}
     * keys as plain objects; {@code Instant} and {@code Date} (with {@code java.sql}'s)
     * as {@code Date}s; {@code Optional} as its value or {@code null}; records and POJOs
     * as plain objects, as the runtime's {@link JsObjectMapper} (Jackson 3's
     * {@code JsonMapper} when it is on the class path) writes them as JSON, or, with no
     * mapper, records as plain objects of their components. The result converts as
     * {@link #eval(String)}'s does.
     * @throws JsConversionException when an argument cannot cross (another type, a cycle,
     * a function, past the size limit or 1,000 levels of nesting), naming the argument
     * and the path to the value, or when the result cannot
     * @throws JsException when the function is missing (a {@code TypeError} naming the
     * path) or throws
     * @throws JsTerminatedException when jsrun stops it: past the runtime's timeout
     * ({@link JsTimeoutException}), at a memory limit, or at its pool's shutdown
     */
    Object call(String function, Object... args);

    /**
     * {@link #call(String, Object...)}, with the result converted to {@code type}: the
     * JDK's types as {@link #eval(String, Class)} converts them, records and other
     * application classes by the runtime's {@link JsObjectMapper}.
     * @throws JsConversionException when the value does not fit {@code type}
     */
    <T> T call(String function, Class<T> type, Object... args);

    /**
     * {@link #call(String, Object...)}, with the result converted to a generic type by
     * the runtime's {@link JsObjectMapper}: {@code js.call("invoices", new
     * JsType<List<Invoice>>() { }, customer)}.
     * @throws JsConversionException when the value does not fit {@code type}, or
     * {@code type} has type arguments and the runtime has no object mapper
     */
    <T> T call(String function, JsType<T> type, Object... args);

    /**
     * {@link #call(String, Object...)} for a function that may return a promise: the
     * future completes with the converted value once it settles, or exceptionally with a
     * {@link JsException} when it rejects.
     * @throws JsConversionException right away when an argument cannot cross
     */
    CompletableFuture<Object> callAsync(String function, Object... args);

    /**
     * {@link #callAsync(String, Object...)} with the settled value converted as
     * {@link #call(String, Class, Object...)} does.
     */
    <T> CompletableFuture<T> callAsync(String function, Class<T> type, Object... args);

    /**
     * {@link #callAsync(String, Object...)} with the settled value converted as
     * {@link #call(String, JsType, Object...)} does.
     */
    <T> CompletableFuture<T> callAsync(String function, JsType<T> type, Object... args);

    /**
     * Makes an ES module available to {@code import} statements of other modules and to
     * dynamic {@code import('name')}. A module is evaluated once, on first import.
     */
    void addStaticModule(String name, String source);

    /**
     * Makes a Java function callable from JavaScript as the global {@code name}, in this
     * runtime only. JavaScript reaches nothing of the host unless it is bound here. A
     * pooled runtime that had functions bound is replaced, not reset, when it is
     * returned, so the next borrower never sees them.
     */
    void bind(String name, JsFunction function);

    /**
     * What {@code require()} did in this runtime since it left the snapshot (or its
     * pool): export and definition hits, misses, and the modules the snapshot holds; all
     * zero without modules.
     */
    ModuleStats moduleStats();

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /** Disposes the runtime, or returns it to its pool. Idempotent. */
    @Override
    void close();

}
