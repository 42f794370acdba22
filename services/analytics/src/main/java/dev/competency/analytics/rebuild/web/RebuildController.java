package dev.competency.analytics.rebuild.web;

import dev.competency.analytics.access.AnalyticsAccessPolicy;
import dev.competency.analytics.stream.RebuildStatus;
import dev.competency.analytics.stream.TopicStream;
import dev.competency.platform.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds the state from offset 0 of every topic while the current state answers; administrators only. */
@RestController
@RequestMapping("/api/analytics/admin/rebuild")
class RebuildController {

    private final AnalyticsAccessPolicy policy;
    private final TopicStream stream;

    RebuildController(AnalyticsAccessPolicy policy, TopicStream stream) {
        this.policy = policy;
        this.stream = stream;
    }

    @PostMapping
    ResponseEntity<RebuildStatus> start(Caller caller) {
        policy.requireAdmin(caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(stream.requestRebuild());
    }

    @GetMapping
    RebuildStatus status(Caller caller) {
        policy.requireAdmin(caller);
        return stream.rebuildStatus();
    }
}
