package dev.jsrun.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fenced {@code java} block of the README compiles against the project, with the
 * imports it shows and nothing else. A block that declares a type is a source file; one
 * that starts with an annotation is members of a class; any other is statements in a
 * method. Statements and members may use the names the README's prose gives them
 * throughout: {@code js}, a {@code JsRuntime}, {@code runtimes}, a
 * {@code JsRuntimeFactory}, and {@code snapshot}, the {@code Snapshot}.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");

    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(@\\w+(\\([^)]*\\))?\\s+)*((public|final|abstract|sealed)\\s+)*(class|record|interface|enum)\\s");

    private static final String GIVEN = """
                dev.jsrun.JsRuntime js;
                dev.jsrun.JsRuntimeFactory runtimes;
                dev.jsrun.Snapshot snapshot;
            """;

    @TempDir
    Path classes;

    record Snippet(int line, String code) {

        List<String> imports() {
            return code().lines().filter(l -> l.startsWith("import ")).toList();
        }

        String body() {
            return code().lines().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"));
        }

        /** The snippet as a source file of class {@code name}. */
        String source(String name) {
            String imports = String.join("\n", imports());
            String body = body();
            if (TYPE.matcher(body).find()) {
                return imports + "\n" + body + "\n";
            }
            boolean members = body.strip()
                .lines()
                .filter(l -> !l.strip().startsWith("//"))
                .findFirst()
                .orElse("")
                .strip()
                .startsWith("@");
            String inner = members ? body : "    void snippet() throws Exception {\n" + body + "\n    }";
            return imports + "\nclass " + name + " {\n" + GIVEN + inner + "\n}\n";
        }

    }

    static List<Snippet> snippets() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```java")) {
                int start = i + 1;
                StringBuilder code = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    code.append(lines.get(i)).append('\n');
                }
                snippets.add(new Snippet(start + 1, code.toString()));
            }
        }
        return snippets;
    }

    @Test
    void theReadmeHasItsSnippets() throws IOException {
        // a change to the fence syntax must not make the compile test pass by finding
        // nothing
        assertThat(snippets()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(snippets().get(0).imports()).as("the Quick start shows its imports").isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
        return snippets().stream()
            .map(snippet -> DynamicTest.dynamicTest("README.md line " + snippet.line(), () -> compile(snippet)));
    }

    private void compile(Snippet snippet) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String name = "ReadmeSnippet" + snippet.line();
        String source = snippet.source(name);
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "-classpath", classPath(), "-d", this.classes.toString());
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null, List.of(file)).call();
            String errors = diagnostics.getDiagnostics()
                .stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
            assertThat(compiled)
                .as("README.md line %d does not compile:\n%s\n--- as compiled:\n%s", snippet.line(), errors, source)
                .isTrue();
        }
    }

    /**
     * Surefire runs tests from a manifest-only jar, and names the real test class path in
     * this property.
     */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null && !path.isBlank() ? path : System.getProperty("java.class.path", "") + File.pathSeparator;
    }

}
