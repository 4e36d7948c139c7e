package dev.jsrun.sample;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureMetrics
class ActuatorTests {

    @Autowired
    private MockMvc mvc;

    @Test
    void healthShowsTheStatusButNoDetailsToCallersWhoAreNotAuthorized() throws Exception {
        this.mvc.perform(get("/actuator/health"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"))
            .andExpect(jsonPath("$.components.jsrun.status").value("UP"))
            .andExpect(jsonPath("$.components.jsrun.details").doesNotExist());
    }

    @Test
    void readinessIncludesJsrun() throws Exception {
        this.mvc.perform(get("/actuator/health/readiness"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"))
            .andExpect(jsonPath("$.components.jsrun.status").value("UP"));
    }

    @Test
    void prometheusShowsEveryJsrunMeter() throws Exception {
        this.mvc.perform(post("/eval").contentType(MediaType.APPLICATION_JSON).content("{\"expression\": \"null.x\"}"))
            .andExpect(status().isBadRequest());
        this.mvc.perform(get("/actuator/prometheus"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("jsrun_isolates_active{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_isolates_idle{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_isolates_pending{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_isolates_max{pool=\"jsrun\"} 8")))
            .andExpect(content().string(containsString("jsrun_isolates_min{pool=\"jsrun\"} 2")))
            .andExpect(content().string(containsString("jsrun_isolates_timeout_total{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_isolates_acquire_seconds_count{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_isolates_usage_seconds_count{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_isolates_creation_seconds_count{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_isolates_heap_used_bytes{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_isolates_heap_limit_bytes{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_snapshot_size_bytes{pool=\"jsrun\"}")))
            .andExpect(content().string(containsString("jsrun_snapshot_build_seconds_count{pool=\"jsrun\"} 1")))
            .andExpect(content()
                .string(containsString("jsrun_isolates_errors_total{pool=\"jsrun\",type=\"javascript\"}")));
    }

}
