package dev.jsrun.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.pool.JsRuntimePool;

/**
 * A request the pool turns away while it shuts down gets a 503 with a JSON body, as the
 * README promises, not a bare 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
// the pool stops lending for good, so no other test may share this context
@DirtiesContext
class ShuttingDownResponseTests {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JsRuntimePool pool;

    @Test
    void requestTurnedAwayWhileThePoolShutsDownIsServiceUnavailable() throws Exception {
        try (JsRuntime js = this.pool.acquire()) {
            // a runtime still borrowed when the grace ends makes the pool stop lending,
            // as at shutdown while the server drains its requests
            this.pool.terminateBorrowedAfter(Duration.ZERO);
        }
        assertThatThrownBy(this.pool::acquire).isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                ex -> assertThat(ex.reason()).isEqualTo(JsRuntimeUnavailableException.Reason.SHUTTING_DOWN));
        this.mvc.perform(post("/markdown").contentType(MediaType.APPLICATION_JSON).content("""
                {"markdown": "# Hello"}""")).andExpect(status().isServiceUnavailable()).andExpect(content().json("""
                {"error": "Unavailable", "message": "the server is shutting down; retry shortly"}""", true));
    }

}
