package dev.competency.learners.catalogue.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.frameworks.MasteryMethod;
import dev.competency.contracts.frameworks.MethodType;
import org.junit.jupiter.api.Test;

/** The contract's methods become the fold's methods with their parameters, and are reported as given. */
class PolicyTranslatorTest {

    @Test
    void keepsWeightedAverage_whenItsWeightIsZero() {
        var method = PolicyTranslator.method(new MasteryMethod(MethodType.WEIGHTED_AVERAGE, null, 0.0, null, null));

        assertThat(method).isEqualTo(dev.competency.learners.mastery.MasteryMethod.weightedAverage(0.0));
        assertThat(method.kind().name()).isEqualTo(MethodType.WEIGHTED_AVERAGE.name());
    }
}
