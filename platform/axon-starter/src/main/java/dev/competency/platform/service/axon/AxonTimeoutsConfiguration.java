package dev.competency.platform.service.axon;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Time limits on whole units of work: a command, and an event processor's batch. A unit of work still running after
 * {@code platform.timeouts.unit-of-work} (default 60 s) is interrupted, and one running longer than
 * {@code platform.timeouts.warn-after} (10 s) is logged every second until then, as Axon's own defaults do.
 *
 * <p>Axon's timeout module ({@code axon.timeout.enabled}, off in the platform's defaults) also limits every handler
 * call, and for each call formats a name, walks the thread's stack and schedules a task: about a sixteenth of the
 * evidence intake's thread, spent on every event a learner applies and every event a processor handles. The limit on
 * the unit of work around them is kept, here; it applies when Axon's module is off.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "axon.timeout.enabled", havingValue = "false")
public class AxonTimeoutsConfiguration {

    @Bean
    ConfigurerModule unitOfWorkTimeouts(@Value("${platform.timeouts.unit-of-work:60s}") Duration timeout,
            @Value("${platform.timeouts.warn-after:10s}") Duration warnAfter) {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        int warnAfterMs = Math.toIntExact(warnAfter.toMillis());
        int warnEveryMs = 1_000;
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processorName) ->
                    new UnitOfWorkTimeoutInterceptor("EventProcessor " + processorName, timeoutMs, warnAfterMs,
                            warnEveryMs));
            // First of all start-up work, as Axon's module does: before any command can arrive.
            configurer.onStart(Integer.MIN_VALUE, () -> configurer.buildConfiguration().commandBus()
                    .registerHandlerInterceptor(new UnitOfWorkTimeoutInterceptor("CommandBus", timeoutMs,
                            warnAfterMs, warnEveryMs)));
        };
    }
}
