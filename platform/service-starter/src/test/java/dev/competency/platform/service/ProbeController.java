package dev.competency.platform.service;

import dev.competency.platform.service.arrival.StreamBehind;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.ValidLearnerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints of the test application that exercise what the starter does with callers, requests and failures. */
@RestController
class ProbeController {

    enum Colour { RED, GREEN }

    record Part(@NotBlank String code, double weight) {
    }

    record Body(@NotNull @ValidLearnerId String learnerId, @Size(max = 20) String name, int count, Colour colour,
                Instant at, List<@Valid Part> parts) {
    }

    @GetMapping("/api/probe/me")
    Map<String, Object> me(Caller caller) {
        return Map.of("subject", caller.subject(), "roles", caller.roles(), "managedTeams", caller.managedTeams());
    }

    @GetMapping("/api/probe/admin")
    String adminOnly(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new AccessDenied("Only administrators may read this");
        }
        return "secret";
    }

    @GetMapping("/api/probe/fail/{kind}")
    String fail(@PathVariable String kind) {
        switch (kind) {
            case "invalid" -> throw Refusal.invalid("threshold must be in [0,1]");
            case "forbidden" -> throw Refusal.forbidden("only the nominated peers rate attempt a-1");
            case "missing" -> throw new ResourceNotFound("No framework 'fw-9'");
            case "gone" -> throw Refusal.notFound("No draft 'd-1'");
            case "conflict" -> throw Refusal.conflict("Version 2 is already published");
            case "unprocessable" -> throw Refusal.unprocessable("The snapshot is too large to publish");
            case "specific" -> throw new Refusal(Refusal.Kind.UNPROCESSABLE, "framework-too-large",
                    "The framework is larger than 1 MB");
            case "behind" -> throw new StreamBehind("Learner l-1 is not known to this service yet");
            case "state" -> throw new IllegalStateException("HmacSHA256 is not available");
            case "argument" -> throw new IllegalArgumentException("internal detail that must not leak");
            default -> throw new UnsupportedOperationException("internal detail that must not leak");
        }
    }

    @PostMapping("/api/probe/bodies")
    Body echo(@Valid @RequestBody Body body, Caller caller) {
        return body;
    }

    @AllowedRoles(Role.ADMIN)
    @PostMapping("/api/probe/admin/bodies")
    Body adminEcho(@Valid @RequestBody Body body, Caller caller) {
        return body;
    }

    @GetMapping("/api/probe/pages")
    Map<String, Integer> page(@RequestParam int offset, @RequestParam(defaultValue = "10") int limit) {
        return Map.of("offset", offset, "limit", limit);
    }

    @GetMapping("/api/probe/learners/{learnerId}")
    String learner(@PathVariable @ValidLearnerId String learnerId) {
        return learnerId;
    }
}
