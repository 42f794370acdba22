package dev.competency.platform.service.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The processed-events log of the idempotent consumers ({@code platform.messaging.processed-events.*}).
 *
 * @param retention how long an entry is kept (environment {@code PROCESSED_EVENTS_RETENTION}, default
 *                  {@link ProcessedEventLog#DEFAULT_RETENTION}); see {@link ProcessedEventLog} for why a shorter
 *                  one costs work, never correctness
 */
@ConfigurationProperties("platform.messaging.processed-events")
public record ProcessedEventsProperties(Duration retention) {

    public ProcessedEventsProperties {
        retention = retention == null ? ProcessedEventLog.DEFAULT_RETENTION : retention;
    }
}
