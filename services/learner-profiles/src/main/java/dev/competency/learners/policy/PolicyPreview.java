package dev.competency.learners.policy;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.learner.query.CurrentMastery;
import dev.competency.learners.learner.query.EvidenceTimeline;
import dev.competency.learners.learner.query.FrameworkUsage;
import dev.competency.learners.learner.query.MasteryQueries;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What a framework version would do to mastery, before it is applied: each learner with evidence on the framework is
 * refolded under the candidate's policies, the way recomputation will (as of their latest evidence), and compared
 * with their recorded mastery.
 */
@Component
public class PolicyPreview {

    private final FrameworkUsage usage;
    private final EvidenceTimeline timeline;
    private final CurrentMastery current;

    PolicyPreview(FrameworkUsage usage, EvidenceTimeline timeline, CurrentMastery current) {
        this.usage = usage;
        this.timeline = timeline;
        this.current = current;
    }

    public Preview preview(FrameworkPublished candidate) {
        Map<String, MasteryPolicy> policies = CataloguePolicies.policiesOf(candidate);
        List<Change> changes = new ArrayList<>();
        List<String> learners = usage.learnersOf(candidate.frameworkId());
        for (String learnerId : learners) {
            Map<String, CurrentMastery.Entry> recorded = new HashMap<>();
            current.of(learnerId).forEach(e -> recorded.put(e.competencyId(), e));
            MasteryQueries.byCompetency(timeline.of(learnerId)).forEach((competencyId, entries) -> {
                MasteryPolicy policy = policies.get(competencyId);
                if (policy == null || !candidate.frameworkId().equals(entries.get(0).evidence().frameworkId())) {
                    return;
                }
                Instant asOf = entries.stream().map(e -> e.evidence().occurredAt()).max(Instant::compareTo)
                        .orElseThrow();
                MasteryResult next = MasteryQueries.foldEntries(competencyId, policy, entries, asOf, Instant.MAX);
                CurrentMastery.Entry now = recorded.get(competencyId);
                String level = now == null ? null : now.level();
                boolean mastered = now != null && now.mastered();
                if (!Objects.equals(level, next.levelCode()) || mastered != next.mastered()) {
                    changes.add(new Change(learnerId, competencyId, level, next.levelCode(), mastered,
                            next.mastered(), now == null ? null : now.method(), next.method().toString(),
                            now == null ? null : now.policyVersion(), next.policyVersion(),
                            next.explanation().summary()));
                }
            });
        }
        return new Preview(candidate.frameworkId(), candidate.version(), learners.size(), changes);
    }

    /** The learners the candidate would affect, out of those with evidence on the framework. */
    public record Preview(String frameworkId, int version, int learnersExamined, List<Change> changes) {
    }

    /** One learner × competency whose level or mastered flag would change, and the new result's explanation. */
    public record Change(String learnerId, String competencyId, String currentLevel, String newLevel,
                         boolean currentlyMastered, boolean newlyMastered, String currentMethod, String newMethod,
                         Integer currentPolicyVersion, int newPolicyVersion, String why) {
    }
}
