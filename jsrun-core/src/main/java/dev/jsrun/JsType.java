package dev.jsrun;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A Java type with its type arguments, for results that a {@code Class} cannot name:
 * {@code js.call("invoices", new JsType<List<Invoice>>() { })}. The subclass's type
 * argument is the type; the conversion to it is the runtime's {@link JsObjectMapper}'s.
 *
 * @param <T> the type of the converted value
 */
public abstract class JsType<T> {

    private final Type type;

    /** Captures the type argument of the anonymous subclass. */
    protected JsType() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized) || getClass().getSuperclass() != JsType.class) {
            throw new IllegalStateException("a JsType names its type as the type argument of a direct subclass: "
                    + "new JsType<List<Invoice>>() { }");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private JsType(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The token of a plain class. */
    public static <T> JsType<T> of(Class<T> type) {
        return new Of<>(type);
    }

    /**
     * The token of any reflected type ({@code Method.getGenericReturnType()}, for one).
     */
    public static JsType<Object> of(Type type) {
        return new Of<>(type);
    }

    /** The type this token names. */
    public final Type type() {
        return this.type;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof JsType<?> token && this.type.equals(token.type);
    }

    @Override
    public final int hashCode() {
        return this.type.hashCode();
    }

    @Override
    public final String toString() {
        return "JsType<" + this.type.getTypeName() + ">";
    }

    private static final class Of<T> extends JsType<T> {

        Of(Type type) {
            super(type);
        }

    }

}
