package dev.competency.platform.service;

import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints of the test application that exercise what the starter does with callers and failures. */
@RestController
class ProbeController {

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
            case "invalid" -> throw new IllegalArgumentException("threshold must be in [0,1]");
            case "missing" -> throw new ResourceNotFound("No framework 'fw-9'");
            case "conflict" -> throw new IllegalStateException("Version 2 is already published");
            default -> throw new UnsupportedOperationException("internal detail that must not leak");
        }
    }
}
