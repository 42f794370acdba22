package dev.competency.assessments.readmodel;

import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.messaging.ConsumerProgress;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    /** Things other services published a moment ago, awaited instead of refused ({@link StreamArrivals}). */
    @Bean
    StreamArrivals streamArrivals(ConsumerProgress progress,
                                  @Value("${assessments.streams.arrival-wait:3s}") Duration wait) {
        return new StreamArrivals(progress, wait);
    }
}
