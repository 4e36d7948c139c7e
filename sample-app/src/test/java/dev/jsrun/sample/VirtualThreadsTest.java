package dev.jsrun.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample app on JDK 25 with {@code spring.threads.virtual.enabled=true}, in a JVM of
 * its own: 10,000 requests from 50 concurrent clients, mixing markdown, templates and
 * lodash evaluations, all answer 200 with exactly the expected body; V8 runtimes used
 * from virtual threads neither crash the JVM nor turn health DOWN, and the app stops
 * without a crash report. Skipped when no JDK 25 is installed at {@value #JAVA_25}. The
 * pool's max-wait and the evaluation timeout are raised to 30 s: 50 clients share 8
 * runtimes on two cores, and while the JIT warms up on a machine that runs other builds,
 * the default 2 s can run out in the queue or while an evaluation waits for a core, which
 * is capacity, not what this test is about.
 */
class VirtualThreadsTest {

    static final String JAVA_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

    static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private static final int REQUESTS = 10_000;

    private static final int CLIENTS = 50;

    @Test
    void tenThousandRequestsOnVirtualThreadsAreAllAnsweredCorrectly(@TempDir Path workDir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(JAVA_25)), "no JDK 25 at " + JAVA_25);
        int port = freePort();
        Process app = start(JAVA_25, workDir, port, "--spring.threads.virtual.enabled=true",
                "--jsrun.pool.max-wait=30s", "--jsrun.runtime.timeout=30s");
        boolean stopped;
        try {
            awaitUp(app, port, workDir, Duration.ofSeconds(60));
            AtomicInteger next = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long started = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                clients.execute(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        String[] exchange = exchange(i);
                        try {
                            HttpResponse<String> response = post(port, exchange[0], exchange[1]);
                            if (response.statusCode() == 200 && response.body().equals(exchange[2])) {
                                ok.incrementAndGet();
                            }
                            else if (failures.size() < 10) {
                                failures.add(exchange[0] + " " + exchange[1] + " -> " + response.statusCode() + " "
                                        + response.body());
                            }
                        }
                        catch (IOException | InterruptedException ex) {
                            if (failures.size() < 10) {
                                failures.add(exchange[0] + " " + exchange[1] + " -> " + ex);
                            }
                        }
                    }
                });
            }
            clients.shutdown();
            // about 35 s on two idle cores; the bound only catches a hang, so a loaded
            // machine still passes
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("requests finished within 5 minutes").isTrue();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("virtual threads: %d/%d requests OK from %d clients in %.1f s: %.0f requests/s%n",
                    ok.get(), REQUESTS, CLIENTS, seconds, REQUESTS / seconds);
            assertThat(failures).as("failed requests; log:%n%s", report(workDir)).isEmpty();
            assertThat(ok).hasValue(REQUESTS);
            assertThat(app.isAlive()).as("app alive; log:%n%s", report(workDir)).isTrue();
            // Spring Boot names the virtual threads that serve Tomcat requests
            // tomcat-handler-N (the log cuts names)
            assertThat(Files.readString(workDir.resolve("app.log"), StandardCharsets.ISO_8859_1))
                .as("requests served on virtual threads")
                .contains("omcat-handler-");
            assertThat(health(port)).as("health after the load").isEqualTo("UP");
        }
        finally {
            app.destroy();
            stopped = app.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(stopped).as("app stopped within 30 s of SIGTERM; log:%n%s", report(workDir)).isTrue();
        assertNoCrash(app, workDir);
    }

    /** Method, body and exact expected response of the {@code i}th request. */
    private static String[] exchange(int i) {
        return switch (i % 3) {
            case 0 -> new String[] { "/markdown", "{\"markdown\": \"# Title " + i + "\"}",
                    "{\"html\":\"<h1 id=\\\"title-" + i + "\\\">Title " + i + "</h1>\\n\"}" };
            case 1 -> new String[] { "/template",
                    "{\"template\": \"Hello {{upper name}}\", \"model\": {\"name\": \"n" + i + "\"}}",
                    "{\"result\":\"Hello N" + i + "\"}" };
            default -> new String[] { "/eval", "{\"expression\": \"_.sum([1,2," + i + "])\"}",
                    "{\"result\":" + (i + 3) + "}" };
        };
    }

    /**
     * Starts the sample app from the test classpath with {@code java}, on loopback only,
     * in {@code workDir}.
     */
    static Process start(String java, Path workDir, int port, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx512m", "-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"),
                        "-Djava.io.tmpdir=" + workDir, "-cp", System.getProperty("java.class.path"),
                        SampleApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("app.log").toFile())
            .start();
    }

    static void awaitUp(Process app, int port, Path workDir, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive())
                .as("app exited with %s before it was up; log:%n%s", exitCode(app), report(workDir))
                .isTrue();
            try {
                if ("UP".equals(health(port))) {
                    return;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("app not UP within " + timeout + "; log:\n" + report(workDir));
    }

    static String health(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(url(port, "/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body()).path("status").asString();
    }

    static HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(port, path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Asserts that the stopped app exited normally: 0 or 143 (SIGTERM), no hs_err file,
     * no fatal error in its log.
     */
    static void assertNoCrash(Process app, Path workDir) throws IOException {
        String report = report(workDir);
        assertThat(app.exitValue()).as("exit code (134, 133 or 139: the JVM crashed); log:%n%s", report).isIn(0, 143);
        try (Stream<Path> files = Files.list(workDir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).as(report)
                .noneMatch(n -> n.startsWith("hs_err"));
        }
        assertThat(Files.readString(workDir.resolve("app.log"), StandardCharsets.ISO_8859_1)).as(report)
            .doesNotContain("A fatal error has been detected", "SIGSEGV", "SIGABRT", "Problematic frame");
    }

    /**
     * The end of the app's log, and the "Problematic frame" and Java frames of any hs_err
     * file.
     */
    static String report(Path workDir) throws IOException {
        StringBuilder report = new StringBuilder();
        List<String> log = Files.readAllLines(workDir.resolve("app.log"), StandardCharsets.ISO_8859_1);
        report.append(log.subList(Math.max(0, log.size() - 60), log.size()).stream().collect(Collectors.joining("\n")));
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList()) {
                report.append("\n--- ").append(file.getFileName()).append('\n');
                boolean frames = false;
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    if (line.startsWith("# Problematic frame:") || line.startsWith("Java frames:")) {
                        frames = true;
                    }
                    else if (line.isBlank()) {
                        frames = false;
                    }
                    if (frames || line.startsWith("# ")) {
                        report.append(line).append('\n');
                    }
                }
            }
        }
        return report.toString();
    }

    private static String exitCode(Process app) {
        return app.isAlive() ? "nothing" : String.valueOf(app.exitValue());
    }

    static String javaOfThisJvm() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

}
