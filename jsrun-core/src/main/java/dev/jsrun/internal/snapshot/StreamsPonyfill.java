package dev.jsrun.internal.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The WHATWG Streams classes of the web platform's {@code streams.js}:
 * web-streams-polyfill 3.3.3 (MIT,
 * https://github.com/MattiasBuelens/web-streams-polyfill), its
 * {@code dist/ponyfill.es2018.js} as the webjar
 * {@code org.webjars.npm:web-streams-polyfill} ships it, license header included.
 */
final class StreamsPonyfill {

    /** Where a part takes the ponyfill's text. */
    static final String MARKER = "/* web-streams-polyfill */";

    private static final String RESOURCE = "/META-INF/resources/webjars/web-streams-polyfill/3.3.3/dist/ponyfill.es2018.js";

    private StreamsPonyfill() {
    }

    /** The part with the ponyfill where its marker is; any other part as it is. */
    static String fill(String part) {
        int at = part.indexOf(MARKER);
        if (at < 0) {
            return part;
        }
        return part.substring(0, at) + source() + part.substring(at + MARKER.length());
    }

    /**
     * The ponyfill's code with its license header, without the rest of its comments, its
     * indentation and its source map comment, which would point nowhere: V8 keeps the
     * source in every snapshot and isolate. No character outside Latin-1 remains, which
     * would make V8 keep the whole platform's source in two bytes a character.
     */
    static String source() {
        String text;
        try (InputStream in = StreamsPonyfill.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "web-streams-polyfill 3.3.3 (" + RESOURCE + ") is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read web-streams-polyfill from " + RESOURCE, ex);
        }
        String code = compact(text);
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) > 0xFF) {
                throw new IllegalStateException(
                        "web-streams-polyfill has a character outside Latin-1 in its code at " + i);
            }
        }
        return code;
    }

    /**
     * Drops the comments that take whole lines (the first, the license header, aside) and
     * each line's leading white space. Line by line, which is sound for this file: none
     * of its strings or templates spans lines.
     */
    static String compact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        int i = 0;
        // the license header, as it is
        while (i < lines.length) {
            out.append(lines[i]).append('\n');
            if (lines[i++].strip().endsWith("*/")) {
                break;
            }
        }
        boolean inComment = false;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (inComment || line.startsWith("/*")) {
                int close = line.indexOf("*/", inComment ? 0 : 2);
                inComment = close < 0;
                line = inComment ? "" : line.substring(close + 2).strip();
            }
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

}
