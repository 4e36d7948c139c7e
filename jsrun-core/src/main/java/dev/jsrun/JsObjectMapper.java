package dev.jsrun;

import java.lang.reflect.Type;

/**
 * How values that JavaScript has no kind for cross: records and POJOs as arguments of
 * {@link JsRuntime#call(String, Object...)}, and results asked for as application types
 * ({@code call(fn, Invoice.class)}) or generic ones ({@code new JsType<List<Invoice>>() {
 * }}). jsrun uses Jackson 3's {@code JsonMapper} when
 * {@code tools.jackson.core:jackson-databind} is on the class path
 * ({@link JacksonObjectMapper}); set another with
 * {@link RuntimeConfig.Builder#objectMapper(JsObjectMapper)}.
 */
public interface JsObjectMapper {

    /**
     * The value as a tree of what crosses by itself: {@code null}, {@code Boolean},
     * {@code Number}, {@code String}, {@code List}, {@code Map} with {@code String} keys.
     * A value that cannot be written (a cycle, a function) throws.
     */
    Object toTree(Object value);

    /**
     * A result as {@link JsRuntime#eval(String)} converted it, made into {@code type}.
     */
    Object fromTree(Object tree, Type type);

}
