package dev.jsrun.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class JsControllerTests {

    @Autowired
    private MockMvc mvc;

    @Test
    void rendersMarkdown() throws Exception {
        postJson("/markdown", """
                {"markdown": "# Hello\\n\\nSome *markdown* with `code`."}""").andExpect(status().isOk())
            .andExpect(content()
                .json("""
                        {"html": "<h1 id=\\"hello\\">Hello</h1>\\n<p>Some <em>markdown</em> with <code>code</code>.</p>\\n"}""",
                        true));
    }

    @Test
    void markdownThatLooksLikeJavaScriptStaysText() throws Exception {
        postJson("/markdown", """
                {"markdown": "\\"); globalThis.x = ('"}""").andExpect(status().isOk())
            .andExpect(jsonPath("$.html").value("<p>&quot;); globalThis.x = (&#39;</p>\n"));
    }

    /**
     * Node 20 gives the same for the same calls (ICU 78 there; these results are alike in
     * both).
     */
    @Test
    void formatsAndSortsForTheRequestedLocale() throws Exception {
        postJson("/format", """
                {"locale": "de-DE", "amount": 1234.5, "currency": "EUR", "date": "2026-03-29T01:30:00Z",
                 "timeZone": "Europe/Berlin", "words": ["Zebra", "Äpfel", "apfel", "Ärger", "Bär"]}""")
            .andExpect(status().isOk())
            .andExpect(content().json("""
                    {"amount": "1.234,50\u00a0€", "date": "Sonntag, 29. März 2026 um 03:30:00 MESZ",
                     "sorted": ["apfel", "Äpfel", "Ärger", "Bär", "Zebra"]}""", true));
        postJson("/format", """
                {"locale": "sv-SE", "amount": 1234.5, "currency": "SEK", "date": "2026-03-29T01:30:00Z",
                 "timeZone": "Europe/Stockholm", "words": ["zebra", "ärla", "öl", "apa", "åka"]}""")
            .andExpect(status().isOk())
            .andExpect(content().json("""
                    {"amount": "1\u00a0234,50\u00a0kr", "date": "söndag 29 mars 2026 kl. 03:30:00 CEST",
                     "sorted": ["apa", "zebra", "åka", "ärla", "öl"]}""", true));
    }

    @Test
    void rendersAPageWithReactAndGivesEachAnId() throws Exception {
        String first = postJson("/page", """
                {"title": "Fish & <chips>", "items": ["cod", "haddock"]}""").andExpect(status().isOk())
            .andExpect(jsonPath("$.html")
                .value("<article><h1>Fish &amp; &lt;chips&gt;</h1><ul><li>cod</li><li>haddock</li></ul></article>"))
            .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers
                .matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String second = postJson("/page", """
                {"title": "t"}""").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first.substring(first.indexOf("\"id\""))).isNotEqualTo(second.substring(second.indexOf("\"id\"")));
    }

    @Test
    void greetsOnceTheTimerHasFired() throws Exception {
        postJson("/greet-later", """
                {"name": "Ada", "delayMs": 20}""").andExpect(status().isOk()).andExpect(content().json("""
                {"greeting": "Hello, Ada!"}""", true));
    }

    @Test
    void rendersTemplateWithHelper() throws Exception {
        postJson("/template", """
                {"template": "Hello {{upper name}}", "model": {"name": "ada"}}""").andExpect(status().isOk())
            .andExpect(content().json("""
                    {"result": "Hello ADA"}""", true));
    }

    @Test
    void rendersTemplateWithoutModel() throws Exception {
        postJson("/template", """
                {"template": "{{#if name}}named{{else}}anonymous{{/if}}"}""").andExpect(status().isOk())
            .andExpect(jsonPath("$.result").value("anonymous"));
    }

    @Test
    void templateSyntaxErrorIsBadRequest() throws Exception {
        postJson("/template", """
                {"template": "{{#if}}"}""").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("Error"))
            .andExpect(jsonPath("$.message").value(startsWith("Parse error")));
    }

    @Test
    void evaluatesExpression() throws Exception {
        postJson("/eval", """
                {"expression": "_.sum([1,2,3])"}""").andExpect(status().isOk()).andExpect(content().json("""
                {"result": 6}""", true));
    }

    @Test
    void evaluatesToAnyJsonValue() throws Exception {
        postJson("/eval", """
                {"expression": "({list: _.chunk([1,2,3], 2), text: 'x', none: null, half: 0.5})"}""")
            .andExpect(status().isOk())
            .andExpect(content().json("""
                    {"result": {"list": [[1, 2], [3]], "text": "x", "none": null, "half": 0.5}}""", true));
    }

    @Test
    void typeErrorIsBadRequest() throws Exception {
        postJson("/eval", """
                {"expression": "null.x"}""").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("TypeError"))
            .andExpect(jsonPath("$.message").value("Cannot read properties of null (reading 'x')"))
            .andExpect(jsonPath("$.line").value(1))
            .andExpect(jsonPath("$.column").value(greaterThan(0)));
    }

    @Test
    void syntaxErrorIsBadRequest() throws Exception {
        postJson("/eval", """
                {"expression": "let = ;"}""").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("SyntaxError"))
            .andExpect(jsonPath("$.message").value("Unexpected token ';'"));
    }

    @Test
    void endlessLoopTimesOut() throws Exception {
        long start = System.nanoTime();
        postJson("/eval", """
                {"expression": "while (true) {}"}""").andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.error").value("TimeoutError"))
            .andExpect(jsonPath("$.message").value("evaluation took longer than 2000 ms and was terminated"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isBetween(1_500L, 6_000L);
    }

    @Test
    void unconvertibleValueIsBadRequest() throws Exception {
        postJson("/eval", """
                {"expression": "Promise.resolve(1)"}""").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("ConversionError"));
    }

    @Test
    void globalsDoNotLeakBetweenRequests() throws Exception {
        postJson("/eval", """
                {"expression": "globalThis.leak = 1"}""").andExpect(status().isOk())
            .andExpect(jsonPath("$.result").value(1));
        postJson("/eval", """
                {"expression": "typeof leak"}""").andExpect(status().isOk())
            .andExpect(jsonPath("$.result").value("undefined"));
    }

    @Test
    void blankFieldIsBadRequest() throws Exception {
        postJson("/markdown", """
                {"markdown": "  "}""").andExpect(status().isBadRequest()).andExpect(content().json("""
                {"error": "BadRequest", "message": "markdown must not be blank"}""", true));
        postJson("/eval", "{}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("expression must not be blank"));
        postJson("/template", "not json").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("BadRequest"));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

}
