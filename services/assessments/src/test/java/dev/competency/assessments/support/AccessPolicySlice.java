package dev.competency.assessments.support;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.learners.query.LearnerArrivals;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.messaging.ConsumerProgress;
import java.time.Duration;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The access policy for web slice tests, over the test's mocked {@link LearnerDirectory}: a learner the directory
 * does not know is not awaited, and the learners stream counts as read to its end.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(AssessmentAccessPolicy.class)
public class AccessPolicySlice {

    @Bean
    LearnerArrivals learnerArrivals(LearnerDirectory directory) {
        return new LearnerArrivals(directory, new StreamArrivals(Mockito.mock(ConsumerProgress.class), Duration.ZERO));
    }
}
