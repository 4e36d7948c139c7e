package dev.jsrun.internal.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JavaScript that jsrun runs inside V8, kept as resource files beside the classes
 * that install it. Each class reads its scripts once, into static fields, so a script
 * missing from a broken build fails the class's initialization rather than the first
 * runtime that needs it.
 */
public final class GuestScripts {

    private GuestScripts() {
    }

    /** The text of the resource {@code name} in {@code owner}'s package. */
    public static String load(Class<?> owner, String name) {
        String path = owner.getPackageName().replace('.', '/') + "/" + name;
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("jsrun's guest script " + path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read jsrun's guest script " + path, ex);
        }
    }

    /**
     * A template's text cut at its markers, which it must hold once each and in this
     * order: the pieces between them, for the caller to put generated text in between.
     */
    public static String[] split(String template, String name, String... markers) {
        String[] pieces = new String[markers.length + 1];
        int from = 0;
        for (int i = 0; i < markers.length; i++) {
            int at = template.indexOf(markers[i], from);
            if (at < 0 || template.indexOf(markers[i], at + markers[i].length()) >= 0) {
                throw new IllegalStateException("jsrun's guest script " + name + " must hold the marker " + markers[i]
                        + " once, after the markers before it");
            }
            pieces[i] = template.substring(from, at);
            from = at + markers[i].length();
        }
        pieces[markers.length] = template.substring(from);
        return pieces;
    }

}
