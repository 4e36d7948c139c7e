package dev.jsrun;

import java.lang.reflect.Type;
import java.util.Objects;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Records and POJOs cross as the given Jackson 3 {@code JsonMapper} writes and reads them
 * as JSON: its annotations, naming strategy and modules apply. In Spring Boot, the
 * application's {@code JsonMapper} bean. Unlike JSON output, a function among the values
 * (a lambda, a {@code Runnable}, a {@link JsFunction}) is refused rather than written as
 * {@code {}}.
 */
public final class JacksonObjectMapper implements JsObjectMapper {

    private final JsonMapper mapper;

    public JacksonObjectMapper(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper")
            .rebuild()
            .addModule(new SimpleModule("jsrun-functions").setSerializerModifier(new RefuseFunctions()))
            .build();
    }

    /**
     * Jackson's shared default {@code JsonMapper}, used when the class path has Jackson
     * and nothing else is set.
     */
    public static JacksonObjectMapper shared() {
        return new JacksonObjectMapper(JsonMapper.shared());
    }

    @Override
    public Object toTree(Object value) {
        return this.mapper.convertValue(value, Object.class);
    }

    @Override
    public Object fromTree(Object tree, Type type) {
        return this.mapper.convertValue(tree, this.mapper.constructType(type));
    }

    @Override
    public String toString() {
        return "Jackson " + this.mapper.getClass().getSimpleName();
    }

    private static boolean isFunction(Class<?> type) {
        return type.isHidden() || type.isSynthetic() || JsFunction.class.isAssignableFrom(type)
                || Runnable.class.isAssignableFrom(type) || java.util.function.Function.class.isAssignableFrom(type)
                || java.util.function.Supplier.class.isAssignableFrom(type)
                || java.util.function.Consumer.class.isAssignableFrom(type);
    }

    /** Puts a refusing serializer in front of every class that is a function. */
    private static final class RefuseFunctions extends ValueSerializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier beanDesc,
                ValueSerializer<?> serializer) {
            return isFunction(beanDesc.getBeanClass()) ? new FunctionSerializer(beanDesc.getBeanClass()) : serializer;
        }

    }

    private static final class FunctionSerializer extends StdSerializer<Object> {

        FunctionSerializer(Class<?> type) {
            super(type);
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
            throw DatabindException.from(generator,
                    "a " + handledType().getName() + " is a function, and functions cannot cross to JavaScript");
        }

    }

}
