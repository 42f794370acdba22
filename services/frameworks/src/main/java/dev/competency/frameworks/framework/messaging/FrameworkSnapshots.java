package dev.competency.frameworks.framework.messaging;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.contracts.frameworks.MasteryMethod;
import dev.competency.frameworks.framework.domain.BktParameters;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkVersionPublished;
import dev.competency.frameworks.framework.domain.FrameworkVersionRetired;
import dev.competency.frameworks.framework.domain.Method;
import dev.competency.frameworks.framework.domain.Policy;
import dev.competency.frameworks.framework.domain.RollUp;
import dev.competency.frameworks.framework.domain.Scale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the internal facts of a framework version into the public {@code framework.published} snapshot and
 * {@code framework.retired}: codes become competency ids, policies get their policy version, and only the
 * parameters of the chosen mastery method are kept.
 */
public final class FrameworkSnapshots {

    private FrameworkSnapshots() {
    }

    public static FrameworkPublished published(FrameworkVersionPublished event) {
        FrameworkContent content = event.content();
        Map<String, String> ids = new HashMap<>();
        content.competencies().forEach(c -> ids.put(c.code(), c.id()));
        int policyVersion = event.policyVersion();
        List<FrameworkPublished.Competency> competencies = content.competencies().stream()
                .map(c -> new FrameworkPublished.Competency(c.id(), c.code(), c.title(), c.description(),
                        c.parentCode() == null ? null : ids.get(c.parentCode()), c.position(), c.taxonomyLabel(),
                        c.externalId(), c.scaleOverride() == null ? null : scale(c.scaleOverride()),
                        c.policyOverride() == null ? null : policy(c.policyOverride(), policyVersion, ids))).toList();
        List<FrameworkPublished.CompetencyRelation> relations = content.relations().stream()
                .map(r -> new FrameworkPublished.CompetencyRelation(ids.get(r.source()), ids.get(r.target()), r.type()))
                .toList();
        return new FrameworkPublished(event.frameworkId(), event.version(), event.code(), content.title(),
                content.description(), content.externalId(), event.publishedAt(), event.publishedBy(), competencies,
                relations, scale(content.scale()), policy(content.policy(), policyVersion, ids));
    }

    public static FrameworkRetired retired(FrameworkVersionRetired event) {
        return new FrameworkRetired(event.frameworkId(), event.version(), event.retiredAt(), event.retiredBy(),
                event.reason());
    }

    static FrameworkPublished.ProficiencyScale scale(Scale scale) {
        return new FrameworkPublished.ProficiencyScale(null, scale.levels().stream().map(level ->
                new FrameworkPublished.ProficiencyLevel(level.code(), level.label(), level.threshold(),
                        level.mastery())).toList());
    }

    static FrameworkPublished.MasteryPolicy policy(Policy policy, int policyVersion, Map<String, String> ids) {
        RollUp rollUp = policy.rollUp();
        FrameworkPublished.RollUpRule rule = rollUp == null ? null : new FrameworkPublished.RollUpRule(rollUp.type(),
                rollUp.pointsTarget(), rollUp.requiredChildren().isEmpty() ? null
                        : rollUp.requiredChildren().stream().map(ids::get).toList());
        return new FrameworkPublished.MasteryPolicy(policyVersion, method(policy.method()), policy.sourceWeights(),
                policy.minimumEvidence() == null ? 0 : policy.minimumEvidence(), policy.manualRatingPrecedence(),
                rule, policy.validityPeriod(), policy.decayHalfLife());
    }

    private static MasteryMethod method(Method method) {
        return switch (method.type()) {
            case N_MASTERY -> new MasteryMethod(method.type(), method.n(), null, null, null);
            case WEIGHTED_AVERAGE -> new MasteryMethod(method.type(), null, method.weight(), null, null);
            case DECAYING_AVERAGE -> new MasteryMethod(method.type(), null, null, method.decay(), null);
            case BKT -> {
                BktParameters p = method.bkt();
                yield new MasteryMethod(method.type(), null, null, null,
                        new MasteryMethod.Bkt(p.pL0(), p.pT(), p.pG(), p.pS(), p.pF()));
            }
            default -> new MasteryMethod(method.type(), null, null, null, null);
        };
    }
}
