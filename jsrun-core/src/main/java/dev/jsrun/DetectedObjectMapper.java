package dev.jsrun;

import dev.jsrun.jackson.JacksonObjectMapper;

/** The object mapper a runtime gets by default: Jackson 3's when the class path has it, else none. */
final class DetectedObjectMapper {

    static final String JACKSON_CLASS = "tools.jackson.databind.json.JsonMapper";

    private DetectedObjectMapper() {
    }

    static JsObjectMapper of() {
        return Holder.MAPPER;
    }

    /** Whether {@code loader} sees Jackson 3, without initializing any of it. */
    static boolean jacksonVisible(ClassLoader loader) {
        try {
            Class.forName(JACKSON_CLASS, false, loader);
            return true;
        }
        catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }

    /** Looked up once, not at every configuration built. */
    private static final class Holder {

        static final JsObjectMapper MAPPER = jacksonVisible(DetectedObjectMapper.class.getClassLoader())
                ? JacksonObjectMapper.shared() : null;

    }

}
