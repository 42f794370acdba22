package dev.competency.platform.service.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import dev.competency.platform.problem.ProblemType;
import dev.competency.platform.service.web.ApiExceptionHandler;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A database that cannot be reached is a 503 with Retry-After, ahead of the service starter's catch-all 500. */
class StoreUnavailableProblemsTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Reads())
            .setControllerAdvice(new ApiExceptionHandler(), new StoreUnavailableProblems())
            .build();

    @Test
    void answersServiceUnavailableWithRetryAfter_whenNoServerIsFoundInTime() throws Exception {
        mvc.perform(get("/timeout"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", StoreUnavailableProblems.RETRY_AFTER_SECONDS))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemType.uri(ProblemType.SERVICE_UNAVAILABLE)))
                .andExpect(jsonPath("$.detail").value("The service's database cannot be reached; try again shortly"));
    }

    @Test
    void answersServiceUnavailableWithRetryAfter_whenTheConnectionFailsInsideAWrapper() throws Exception {
        mvc.perform(get("/wrapped"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", StoreUnavailableProblems.RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.type").value(ProblemType.uri(ProblemType.SERVICE_UNAVAILABLE)));
    }

    @Test
    void leavesOtherFailuresToTheServiceStarter_whenTheDatabaseIsNotTheCause() throws Exception {
        mvc.perform(get("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value(ProblemType.uri(ProblemType.INTERNAL)));
    }

    @Test
    void tellsTheDatabaseUnreachableOnly_whenADriverConnectionFailureIsTheFailureOrACause() {
        assertThat(StoreUnavailableProblems.isUnreachable(new MongoTimeoutException("no server"))).isTrue();
        assertThat(StoreUnavailableProblems.isUnreachable(new IllegalStateException("listener failed",
                new RuntimeException("append", new MongoSocketOpenException("refused",
                        new ServerAddress("127.0.0.1", 27017)))))).isTrue();
        assertThat(StoreUnavailableProblems.isUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(StoreUnavailableProblems.isUnreachable(new MongoException(11000, "E11000 duplicate key")))
                .as("a refused write is no outage").isFalse();
    }

    @RestController
    static class Reads {

        @GetMapping("/timeout")
        String timeout() {
            throw new MongoTimeoutException("Timed out while waiting for a server that matches ReadPreferenceServerSelector");
        }

        @GetMapping("/wrapped")
        String wrapped() {
            throw new IllegalStateException("Failed to append events", new MongoSocketOpenException(
                    "Exception opening socket", new ServerAddress("127.0.0.1", 27017), new IOException("refused")));
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("a bug");
        }
    }
}
