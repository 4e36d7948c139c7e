package dev.jsrun.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.NodeJson;

/**
 * What Node 20 gives for async function bodies, each result as JSON: the reference for
 * the web platform.
 */
final class NodeScripts {

    private NodeScripts() {
    }

    /**
     * Asserts, softly, that each expression's {@code JSON.stringify} in a runtime of
     * {@code factory} equals Node's, both hosts having run {@code prelude} first.
     */
    static void compare(JsRuntimeFactory factory, String prelude, List<String> expressions) throws Exception {
        assumeTrue(NodeJson.available());
        List<String> all = new ArrayList<>();
        all.add("(() => { " + prelude + " return 0; })()");
        all.addAll(expressions);
        List<String> node = NodeJson.stringify(all).subList(1, all.size());
        List<String> ours = new ArrayList<>();
        try (JsRuntime js = factory.create()) {
            js.eval(prelude);
            for (String expression : expressions) {
                ours.add(String.valueOf(js.eval("String(JSON.stringify(" + expression + "))", Duration.ofSeconds(30))));
            }
        }
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < expressions.size(); i++) {
            soft.assertThat(ours.get(i)).as(expressions.get(i)).isEqualTo(node.get(i));
        }
        soft.assertAll();
    }

    /**
     * {@code JSON.stringify} of what each body, run as an async function one after the
     * other, returns.
     */
    static List<String> results(List<String> bodies) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("(async () => { const out = [];\n");
        for (String body : bodies) {
            script.append("out.push(JSON.stringify(await (async () => {").append(body).append("\n})()));\n");
        }
        // the results travel in base64, one a line, so a result may hold any character
        script.append(
                "process.stdout.write(out.map(s => Buffer.from(String(s), 'utf8').toString('base64')).join('\\n'));")
            .append(" process.exit(0); })().catch(e => { console.error(e); process.exit(1); });");
        // Node's warnings (a delay that overflows, say) go to stderr, apart from the
        // results
        Process process = new ProcessBuilder("node", "-e", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("node failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\n"))
            .map(line -> new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8))
            .toList();
    }

}
