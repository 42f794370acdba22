package dev.competency.platform.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.problem.ProblemType;
import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** Errors the container sends itself, answered as problem details. */
class ProblemErrorControllerTest {

    private static final class Unreachable extends RuntimeException {
        Unreachable() {
            super("no server");
        }
    }

    private final ProblemErrorController controller = new ProblemErrorController(List.of(
            failure -> failure instanceof Unreachable || failure.getCause() instanceof Unreachable));

    @Test
    void answersServiceUnavailableWithRetryAfter_whenAFilterFailedForWantOfSomethingThatIsAway() {
        ResponseEntity<ProblemDetail> answer = controller.error(failedWith(new IllegalStateException("filter",
                new Unreachable())));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(ProblemErrorController.RETRY_AFTER_SECONDS);
        assertThat(answer.getBody().getType()).isEqualTo(URI.create(ProblemType.uri(ProblemType.SERVICE_UNAVAILABLE)));
    }

    @Test
    void answersInternalError_whenAFilterFailedOtherwise() {
        ResponseEntity<ProblemDetail> answer = controller.error(failedWith(new IllegalStateException("a bug")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().containsHeader("Retry-After")).isFalse();
        assertThat(answer.getBody().getDetail()).doesNotContain("a bug");
    }

    private static MockHttpServletRequest failedWith(Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        return request;
    }
}
