package dev.jsrun;

import java.lang.reflect.Type;

/**
 * The object mapper a runtime gets by default: Jackson 3's shared {@code JsonMapper} when
 * the class path has it, made on the first call that needs it, so that applications that
 * never pass a record pay nothing for it.
 */
final class DetectedObjectMapper implements JsObjectMapper {

    static final String JACKSON_CLASS = "tools.jackson.databind.json.JsonMapper";

    private static final DetectedObjectMapper INSTANCE = new DetectedObjectMapper();

    private DetectedObjectMapper() {
    }

    /** The default, or {@code null} without Jackson. */
    static JsObjectMapper of() {
        return Visible.JACKSON ? INSTANCE : null;
    }

    /** Whether {@code loader} sees Jackson 3, without loading any of it. */
    static boolean jacksonVisible(ClassLoader loader) {
        return loader != null && loader.getResource(JACKSON_CLASS.replace('.', '/') + ".class") != null;
    }

    @Override
    public Object toTree(Object value) {
        return Jackson.MAPPER.toTree(value);
    }

    @Override
    public Object fromTree(Object tree, Type type) {
        return Jackson.MAPPER.fromTree(tree, type);
    }

    @Override
    public String toString() {
        return "Jackson JsonMapper.shared()";
    }

    /** Looked up once, not at every configuration built. */
    private static final class Visible {

        static final boolean JACKSON = jacksonVisible(DetectedObjectMapper.class.getClassLoader());

    }

    private static final class Jackson {

        static final JsObjectMapper MAPPER = JacksonObjectMapper.shared();

    }

}
