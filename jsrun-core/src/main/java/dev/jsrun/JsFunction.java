package dev.jsrun;

import java.util.List;

/**
 * A Java function that JavaScript may call, bound with
 * {@link JsRuntime#bind(String, JsFunction)}. Arguments arrive converted as
 * {@link JsRuntime#eval(String)} converts results; the return value goes back as the
 * JavaScript equivalent: numbers ({@code long} within 2<sup>53</sup> and
 * {@code BigDecimal} too; larger integers as BigInts), strings (characters, text, enums
 * by name), booleans, dates ({@code Instant}, {@code Date}), maps as objects, lists, sets
 * and arrays as arrays, {@code Optional} as its value or {@code null}. An exception
 * becomes a JavaScript {@code Error} with its message.
 */
@FunctionalInterface
public interface JsFunction {

    Object call(List<Object> arguments) throws Exception;

}
