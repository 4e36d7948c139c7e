package dev.jsrun.sample;

import java.util.Map;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** JSON endpoints backed by the JavaScript libraries in the snapshot (see {@code js/helpers.js}). */
@RestController
public class JsController {

    private final JsRuntimeFactory runtimes;

    private final JsonMapper json;

    public JsController(JsRuntimeFactory runtimes, JsonMapper json) {
        this.runtimes = runtimes;
        this.json = json;
    }

    @PostMapping("/markdown")
    public MarkdownResponse markdown(@Valid @RequestBody MarkdownRequest request) {
        return new MarkdownResponse(run("renderMarkdown(" + literal(request.markdown()) + ")", String.class));
    }

    @PostMapping("/template")
    public TemplateResponse template(@Valid @RequestBody TemplateRequest request) {
        Map<String, Object> model = (request.model() != null) ? request.model() : Map.of();
        return new TemplateResponse(run("renderTemplate(" + literal(request.template()) + ", "
                + literal(model) + ")", String.class));
    }

    @PostMapping("/eval")
    public EvalResponse eval(@Valid @RequestBody EvalRequest request) {
        return new EvalResponse(run(request.expression(), Object.class));
    }

    private <T> T run(String code, Class<T> type) {
        try (JsRuntime js = this.runtimes.acquire()) {
            return js.eval(code, type);
        }
    }

    /** User input enters JavaScript only as a JSON literal, which is also a valid JavaScript expression. */
    private String literal(Object value) {
        return this.json.writeValueAsString(value);
    }

    public record MarkdownRequest(@NotBlank String markdown) {
    }

    public record MarkdownResponse(String html) {
    }

    public record TemplateRequest(@NotBlank String template, Map<String, Object> model) {
    }

    public record TemplateResponse(String result) {
    }

    public record EvalRequest(@NotBlank String expression) {
    }

    public record EvalResponse(Object result) {
    }

}
