package dev.jsrun;

import java.util.List;

/**
 * A Java function that JavaScript may call, bound with
 * {@link JsRuntime#bind(String, JsFunction)}. Arguments arrive converted as
 * {@link JsRuntime#eval(String)} converts results; the return value goes back as the
 * JavaScript equivalent (maps to objects, lists to arrays). An exception becomes a
 * JavaScript {@code Error} with its message.
 */
@FunctionalInterface
public interface JsFunction {

    Object call(List<Object> arguments) throws Exception;

}
