package dev.competency.analytics.stream;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of this replica: DOWN until the state has read the topics up to the end offsets seen at start, so that no
 * query is routed to a replica that is still replaying; DOWN again if the stream thread stopped.
 */
@Component("analyticsStream")
class StreamHealthIndicator implements HealthIndicator {

    private final TopicStream stream;

    StreamHealthIndicator(TopicStream stream) {
        this.stream = stream;
    }

    @Override
    public Health health() {
        if (!stream.alive()) {
            return Health.down().withDetail("reason", "the stream thread is not running").build();
        }
        if (!stream.caughtUp()) {
            return Health.down().withDetail("reason", "replaying the topics from offset 0").build();
        }
        return Health.up().build();
    }
}
