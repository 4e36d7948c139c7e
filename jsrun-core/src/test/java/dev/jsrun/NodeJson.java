package dev.jsrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What Node's {@code JSON.stringify} gives for JavaScript expressions: the reference for
 * jsrun's conversions.
 */
public final class NodeJson {

    private NodeJson() {
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code JSON.stringify} of each expression, one result per expression. */
    public static List<String> stringify(List<String> expressions) throws IOException, InterruptedException {
        // the results travel in base64, one a line, so a result may hold any character
        String script = "process.stdout.write(["
                + String.join(",\n",
                        expressions.stream().map(expression -> "JSON.stringify(" + expression + ")").toList())
                + "].map(s => Buffer.from(String(s), 'utf8').toString('base64')).join('\\n'));";
        Process process = new ProcessBuilder("node", "-e", script).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("node failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return java.util.Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\n"))
            .map(line -> new String(java.util.Base64.getDecoder().decode(line), StandardCharsets.UTF_8))
            .toList();
    }

}
