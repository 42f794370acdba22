package dev.competency.learners.catalogue.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.learner.Examples;
import dev.competency.learners.learner.domain.PolicyLookup;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Policies and roll-up rules are read from the catalogue once per framework version that has arrived. */
class CataloguePoliciesTest {

    private final FrameworkCatalogue catalogue = mock(FrameworkCatalogue.class);
    private final CataloguePolicies policies = new CataloguePolicies(catalogue);
    private final FrameworkPublished framework = Examples.framework();

    @Test
    void readsAVersionOnce_forItsRollupsAndPolicies() {
        when(catalogue.find(framework.frameworkId(), framework.version())).thenReturn(Optional.of(
                new FrameworkCatalogue.StoredVersion(framework, false, "event-1", "test")));

        var first = policies.rollupsOf(framework.frameworkId(), framework.version()).orElseThrow();
        var again = policies.rollupsOf(framework.frameworkId(), framework.version()).orElseThrow();
        policies.policyFor(framework.frameworkId(), framework.version(), first.get(0).parentId());

        assertThat(first).isNotEmpty().isEqualTo(again);
        assertThat(first).extracting(PolicyLookup.ParentRollup::parentId)
                .containsExactlyElementsOf(framework.competencies().stream()
                        .filter(c -> PolicyTranslator.rollupOf(framework, c).isPresent())
                        .map(FrameworkPublished.Competency::id).toList());
        verify(catalogue, times(1)).find(framework.frameworkId(), framework.version());
    }

    @Test
    void looksAgain_forAVersionThatHasNotArrived() {
        when(catalogue.find(framework.frameworkId(), 99)).thenReturn(Optional.empty());

        assertThat(policies.rollupsOf(framework.frameworkId(), 99)).isEmpty();
        assertThat(policies.rollupsOf(framework.frameworkId(), 99)).isEmpty();

        verify(catalogue, times(2)).find(framework.frameworkId(), 99);
    }
}
