package dev.jsrun.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JavaScript that jsrun runs inside V8, kept as resource files beside the classes that install it. */
final class GuestScripts {

    private GuestScripts() {
    }

    /** The text of a resource next to this class; read once by each caller's static field. */
    static String load(String name) {
        try (InputStream in = GuestScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("jsrun's guest script " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read jsrun's guest script " + name, ex);
        }
    }

}
