package dev.jsrun;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What an action writes to standard output, where the test logger writes console lines.
 */
final class StdoutCapture {

    private StdoutCapture() {
    }

    static String of(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        }
        finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

}
