package dev.competency.learners.catalogue.query;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.learner.domain.PolicyLookup;
import dev.competency.learners.mastery.MasteryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mastery policies from the framework catalogue. A published framework version never changes, so translated
 * policies and roll-up rules are cached for good; a version that has not arrived yet is looked up again next time.
 */
public class CataloguePolicies implements PolicyLookup {

    private final FrameworkCatalogue catalogue;
    private final Map<String, Translated> byVersion = new ConcurrentHashMap<>();

    public CataloguePolicies(FrameworkCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<MasteryPolicy> policyFor(String frameworkId, int frameworkVersion, String competencyId) {
        return translated(frameworkId, frameworkVersion).map(translated -> translated.policies().get(competencyId));
    }

    @Override
    public Optional<List<ParentRollup>> rollupsOf(String frameworkId, int frameworkVersion) {
        return translated(frameworkId, frameworkVersion).map(Translated::rollups);
    }

    private Optional<Translated> translated(String frameworkId, int frameworkVersion) {
        String key = frameworkId + ":" + frameworkVersion;
        Translated cached = byVersion.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<FrameworkCatalogue.StoredVersion> stored = catalogue.find(frameworkId, frameworkVersion);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        FrameworkPublished framework = stored.get().snapshot();
        Map<String, MasteryPolicy> policies = policiesOf(framework);
        List<ParentRollup> rollups = new ArrayList<>();
        for (FrameworkPublished.Competency competency : framework.competencies()) {
            PolicyTranslator.rollupOf(framework, competency).ifPresent(rule -> rollups.add(
                    new ParentRollup(competency.id(), rule, policies.get(competency.id()).scale())));
        }
        Translated translated = new Translated(policies, List.copyOf(rollups));
        byVersion.put(key, translated);
        return Optional.of(translated);
    }

    /** A framework version's policies by competency id and its rolled-up parents. */
    private record Translated(Map<String, MasteryPolicy> policies, List<ParentRollup> rollups) {
    }

    /** Every competency's policy in a framework snapshot, whether or not it was published. */
    public static Map<String, MasteryPolicy> policiesOf(FrameworkPublished framework) {
        Map<String, MasteryPolicy> policies = new ConcurrentHashMap<>();
        for (FrameworkPublished.Competency competency : framework.competencies()) {
            policies.put(competency.id(), PolicyTranslator.policyOf(framework, competency));
        }
        return Map.copyOf(policies);
    }
}
