package dev.jsrun.sample;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;

/**
 * JSON endpoints backed by the JavaScript libraries in the snapshot (see
 * {@code js/helpers.js}).
 */
@RestController
public class JsController {

    private final JsRuntimeFactory runtimes;

    public JsController(JsRuntimeFactory runtimes) {
        this.runtimes = runtimes;
    }

    /**
     * The request's text is an argument of {@code renderMarkdown}, never part of any
     * source code.
     */
    @PostMapping("/markdown")
    public MarkdownResponse markdown(@Valid @RequestBody MarkdownRequest request) {
        try (JsRuntime js = this.runtimes.acquire()) {
            return new MarkdownResponse(js.call("renderMarkdown", String.class, request.markdown()));
        }
    }

    @PostMapping("/template")
    public TemplateResponse template(@Valid @RequestBody TemplateRequest request) {
        Map<String, Object> model = (request.model() != null) ? request.model() : Map.of();
        try (JsRuntime js = this.runtimes.acquire()) {
            return new TemplateResponse(js.call("renderTemplate", String.class, request.template(), model));
        }
    }

    /**
     * Locale-aware formatting and sorting with the runtime's Intl (ICU 77), the request
     * passed as one object.
     */
    @PostMapping("/format")
    public FormatResponse format(@Valid @RequestBody FormatRequest request) {
        try (JsRuntime js = this.runtimes.acquire()) {
            return js.call("formatForLocale", FormatResponse.class, request);
        }
    }

    /**
     * React's server renderer on the runtime's web platform, the model passed as one
     * object.
     */
    @PostMapping("/page")
    public PageResponse page(@Valid @RequestBody PageRequest request) {
        try (JsRuntime js = this.runtimes.acquire()) {
            return js.call("renderPage", PageResponse.class, request);
        }
    }

    /**
     * A promise that a timer settles: the runtime's event loop runs it, within the call's
     * timeout.
     */
    @PostMapping("/greet-later")
    public GreetingResponse greetLater(@Valid @RequestBody GreetingRequest request) throws Exception {
        try (JsRuntime js = this.runtimes.acquire()) {
            return new GreetingResponse(
                    js.callAsync("greetLater", String.class, request.name(), request.delayMs()).get());
        }
    }

    /**
     * The one endpoint whose input is code: it shows what the runtime's limits do to
     * hostile scripts.
     */
    @PostMapping("/eval")
    public EvalResponse eval(@Valid @RequestBody EvalRequest request) {
        try (JsRuntime js = this.runtimes.acquire()) {
            return new EvalResponse(js.eval(request.expression()));
        }
    }

    public record MarkdownRequest(@NotBlank String markdown) {
    }

    public record MarkdownResponse(String html) {
    }

    public record TemplateRequest(@NotBlank String template, Map<String, Object> model) {
    }

    public record TemplateResponse(String result) {
    }

    public record FormatRequest(@NotBlank String locale, double amount, @NotBlank String currency,
            @NotBlank String date, @NotBlank String timeZone, java.util.List<String> words) {
    }

    public record FormatResponse(String amount, String date, java.util.List<String> sorted) {
    }

    public record PageRequest(@NotBlank String title, java.util.List<String> items) {
    }

    public record PageResponse(String id, String html) {
    }

    public record GreetingRequest(@NotBlank String name,
            @jakarta.validation.constraints.PositiveOrZero @jakarta.validation.constraints.Max(1000) int delayMs) {
    }

    public record GreetingResponse(String greeting) {
    }

    public record EvalRequest(@NotBlank String expression) {
    }

    public record EvalResponse(Object result) {
    }

}
