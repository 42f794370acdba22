package dev.competency.platform.service.axon;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.platform.service.web.ApiExceptionHandler;
import dev.competency.platform.problem.ProblemType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Axon's failures of a command, answered as problem details ahead of the service starter's catch-all 500. */
class AxonProblemsTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Commands())
            .setControllerAdvice(new ApiExceptionHandler(), new AxonProblems())
            .build();

    @Test
    void answersNotFoundNamingTheId_whenCommandMeetsNoAggregate() throws Exception {
        mvc.perform(get("/missing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemType.uri(ProblemType.NOT_FOUND)))
                .andExpect(jsonPath("$.detail").value("No resource with id 'fw-404'"));
    }

    @Test
    void answersConflict_whenCommandMeetsAConcurrentWrite() throws Exception {
        mvc.perform(get("/concurrent"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemType.uri(ProblemType.CONFLICT)));
    }

    @Test
    void answersServiceUnavailableWithRetryAfter_whenReadModelsAreBehind() throws Exception {
        mvc.perform(get("/behind"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/read-model-behind"))
                .andExpect(jsonPath("$.detail").value("not caught up"));
    }

    @Test
    void leavesOtherFailuresToTheServiceStarter_whenTheyAreNotAxons() throws Exception {
        mvc.perform(get("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value(ProblemType.uri(ProblemType.INTERNAL)));
    }

    @RestController
    static class Commands {

        @GetMapping("/missing")
        String missing() {
            throw new AggregateNotFoundException("fw-404", "no framework");
        }

        @GetMapping("/concurrent")
        String concurrent() {
            throw new ConcurrencyException("sequence number taken");
        }

        @GetMapping("/behind")
        String behind() {
            throw new ReadModelBehind("not caught up");
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("broken");
        }
    }
}
