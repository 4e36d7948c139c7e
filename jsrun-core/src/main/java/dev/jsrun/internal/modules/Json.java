package dev.jsrun.internal.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for {@code package.json} files (objects keep their key order, which
 * {@code exports} conditions depend on) and for quoting strings into generated
 * JavaScript.
 */
public final class Json {

    private final String text;

    private int at;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses a JSON document into {@code Map}, {@code List}, {@code String},
     * {@code Double}, {@code Boolean} or {@code null}.
     */
    public static Object parse(String text) {
        Json json = new Json(text);
        json.skipSpace();
        Object value = json.value();
        json.skipSpace();
        if (json.at != text.length()) {
            throw json.error("unexpected text after the value");
        }
        return value;
    }

    /**
     * JSON text for strings, numbers, booleans, null, lists and maps with string keys (in
     * their order).
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            out.append(value);
        }
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator).append(quote(String.valueOf(entry.getKey()))).append(':');
                write(entry.getValue(), out);
                separator = ",\n";
            }
            out.append('}');
        }
        else if (value instanceof Iterable<?> list) {
            out.append('[');
            String separator = "";
            for (Object item : list) {
                out.append(separator);
                write(item, out);
                separator = ",";
            }
            out.append(']');
        }
        else {
            out.append(quote(value.toString()));
        }
    }

    /** A JavaScript (and JSON) string literal for {@code value}. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Lone surrogates and line separators are escaped so the literal
                    // survives any re-encoding.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private Object value() {
        if (this.at >= this.text.length()) {
            throw error("unexpected end");
        }
        char c = this.text.charAt(this.at);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        this.at++;
        skipSpace();
        if (peek() == '}') {
            this.at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a property name");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                this.at++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        this.at++;
        skipSpace();
        if (peek() == ']') {
            this.at++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                this.at++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        this.at++;
        while (this.at < this.text.length()) {
            char c = this.text.charAt(this.at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = this.text.charAt(this.at++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
                    this.at += 4;
                }
                default -> out.append(e);
            }
        }
        throw error("unterminated string");
    }

    private Object literal(String word, Object value) {
        if (!this.text.startsWith(word, this.at)) {
            throw error("unexpected token");
        }
        this.at += word.length();
        return value;
    }

    private Double number() {
        int start = this.at;
        while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
            this.at++;
        }
        try {
            return Double.valueOf(this.text.substring(start, this.at));
        }
        catch (NumberFormatException ex) {
            throw error("unexpected token");
        }
    }

    private char peek() {
        return this.at < this.text.length() ? this.text.charAt(this.at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        this.at++;
    }

    private void skipSpace() {
        while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
            this.at++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at offset " + this.at);
    }

}
