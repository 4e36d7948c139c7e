package dev.jsrun.sample;

import static dev.jsrun.sample.VirtualThreadsTest.HTTP;
import static dev.jsrun.sample.VirtualThreadsTest.assertNoCrash;
import static dev.jsrun.sample.VirtualThreadsTest.awaitUp;
import static dev.jsrun.sample.VirtualThreadsTest.freePort;
import static dev.jsrun.sample.VirtualThreadsTest.javaOfThisJvm;
import static dev.jsrun.sample.VirtualThreadsTest.report;
import static dev.jsrun.sample.VirtualThreadsTest.start;
import static dev.jsrun.sample.VirtualThreadsTest.url;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * SIGTERM to the sample app, in a JVM of its own, while every runtime of the pool runs an
 * endless loop (with a 30 s script timeout) and more requests, two of them endless loops
 * too, wait for a runtime with a 60 s max-wait: the app exits within its 2 s pool
 * shutdown-timeout plus {@value #BOUND_SECONDS} s, with exit code 0 or 143, no hs_err
 * file and no fatal error in its output. The pool must terminate the spinning scripts
 * rather than close runtimes under them or wait for them, and must turn the waiting
 * requests away rather than hand them the runtimes it frees.
 */
class ShutdownTest {

    private static final int SHUTDOWN_TIMEOUT_SECONDS = 2;

    private static final int BOUND_SECONDS = 20;

    private static final String LOOP = "{\"expression\": \"let i = 0; while (true) { i++; }\"}";

    @Test
    void sigtermWhileScriptsSpinExitsPromptlyWithoutCrash(@TempDir Path workDir) throws Exception {
        sigtermWhileScriptsSpin(workDir);
    }

    /**
     * The same without Spring Boot's graceful shutdown: the pool closes with the scripts
     * still spinning.
     */
    @Test
    void sigtermWithImmediateServerShutdownTerminatesSpinningScriptsWithoutCrash(@TempDir Path workDir)
            throws Exception {
        sigtermWhileScriptsSpin(workDir, "--server.shutdown=immediate");
    }

    private void sigtermWhileScriptsSpin(Path workDir, String... args) throws Exception {
        int port = freePort();
        // requests wait for a runtime as long as it takes: the pool must turn them away
        // at shutdown, not serve them
        List<String> arguments = new ArrayList<>(
                List.of("--jsrun.pool.shutdown-timeout=" + SHUTDOWN_TIMEOUT_SECONDS + "s",
                        "--jsrun.runtime.timeout=30s", "--jsrun.pool.max-wait=60s"));
        arguments.addAll(List.of(args));
        Process app = start(javaOfThisJvm(), workDir, port, arguments.toArray(String[]::new));
        List<CompletableFuture<String>> loops = new ArrayList<>();
        List<CompletableFuture<String>> normal = new ArrayList<>();
        long stopMillis;
        boolean exited;
        try {
            awaitUp(app, port, workDir, Duration.ofSeconds(60));
            for (int i = 0; i < 10; i++) {
                loops.add(send(port, "/eval", LOOP));
            }
            int busy = Math.min(10, (int) metric(port, "jsrun.isolates.max"));
            int waiting = 10 - busy;
            // the endless loops hold every runtime before the ordinary requests come, so
            // they can only wait
            awaitMetrics(port, busy, waiting);
            for (int i = 0; i < 5; i++) {
                normal.add((i % 2 == 0) ? send(port, "/markdown", "{\"markdown\": \"# Title " + i + "\"}")
                        : send(port, "/eval", "{\"expression\": \"_.sum([1,2," + i + "])\"}"));
            }
            awaitMetrics(port, busy, waiting + 5);
            assertThat(metric(port, "jsrun.isolates.active")).as("runtimes busy with endless loops").isEqualTo(busy);
            assertThat(metric(port, "jsrun.isolates.pending")).as("requests waiting for a runtime")
                .isGreaterThanOrEqualTo(waiting + 5);
            long signalled = System.nanoTime();
            app.destroy();
            exited = app.waitFor(SHUTDOWN_TIMEOUT_SECONDS + BOUND_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                // measure how long it really takes, for the failure message
                app.waitFor(60, TimeUnit.SECONDS);
            }
            stopMillis = (System.nanoTime() - signalled) / 1_000_000;
        }
        finally {
            if (app.isAlive()) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        System.out.printf(
                "shutdown %s: exit code %s %d ms after SIGTERM (shutdown-timeout %d s); endless loops: %s; normal: %s%n",
                List.of(args), app.isAlive() ? "none (still running)" : app.exitValue(), stopMillis,
                SHUTDOWN_TIMEOUT_SECONDS, outcomes(loops), outcomes(normal));
        assertThat(exited)
            .as("exited within %d s of SIGTERM (took %d ms); log:%n%s", SHUTDOWN_TIMEOUT_SECONDS + BOUND_SECONDS,
                    stopMillis, report(workDir))
            .isTrue();
        assertNoCrash(app, workDir);
    }

    /**
     * Polls the pool's gauges until {@code active} runtimes are lent and {@code pending}
     * requests wait, or 20 s pass.
     */
    private static void awaitMetrics(int port, int active, int pending) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((metric(port, "jsrun.isolates.active") < active || metric(port, "jsrun.isolates.pending") < pending)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static CompletableFuture<String> send(int port, String path, String json) {
        return HTTP
            .sendAsync(HttpRequest.newBuilder(url(port, path))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString())
            .handle((response, failure) -> (failure == null) ? String.valueOf(response.statusCode())
                    : failure.getClass().getSimpleName().replace("CompletionException", "")
                            + ((failure.getCause() != null) ? failure.getCause().getClass().getSimpleName() : ""));
    }

    /**
     * Counts of each outcome (status code, or exception) of requests whose answer came
     * before the process ended.
     */
    private static Map<String, Integer> outcomes(List<CompletableFuture<String>> requests) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CompletableFuture<String> request : requests) {
            String outcome;
            try {
                outcome = request.get(5, TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                outcome = "no answer";
            }
            counts.merge(outcome, 1, Integer::sum);
        }
        return counts;
    }

    private static double metric(int port, String name) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(url(port, "/actuator/metrics/" + name)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder()
            .build()
            .readTree(response.body())
            .path("measurements")
            .path(0)
            .path("value")
            .asDouble();
    }

}
