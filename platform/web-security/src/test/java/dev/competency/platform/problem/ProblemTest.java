package dev.competency.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

class ProblemTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesTypeTitleStatusAndDetailInThatOrder_whenTheRestIsUnknown() {
        Problem problem = Problem.of(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "Your roles do not allow this");

        assertThat(json.writeValueAsString(problem)).isEqualTo("{\"type\":\"/problems/forbidden\",\"title\":"
                + "\"Forbidden\",\"status\":403,\"detail\":\"Your roles do not allow this\"}");
    }

    @Test
    void writesInstanceRequestIdAndErrors_whenKnown() {
        Problem problem = new Problem("/problems/invalid-request", "Bad Request", 400,
                "The request is not understood here", "/api/x", "r-1", List.of(Map.of("field", "code")));

        assertThat(json.writeValueAsString(problem)).isEqualTo("{\"type\":\"/problems/invalid-request\",\"title\":"
                + "\"Bad Request\",\"status\":400,\"detail\":\"The request is not understood here\",\"instance\":"
                + "\"/api/x\",\"requestId\":\"r-1\",\"errors\":[{\"field\":\"code\"}]}");
    }

    @Test
    void takesTheTypeOfItsStatus_whenNoneIsNamed() {
        assertThat(Problem.of(HttpStatus.NOT_FOUND, "gone").type()).isEqualTo("/problems/not-found");
        assertThat(Problem.of(HttpStatus.NOT_IMPLEMENTED, "no").type()).isEqualTo("/problems/method-not-allowed");
        assertThat(Problem.of(HttpStatus.BAD_GATEWAY, "no").type()).isEqualTo("/problems/internal-error");
        assertThat(Problem.of(HttpStatus.I_AM_A_TEAPOT, "no").type()).isEqualTo("/problems/invalid-request");
    }
}
