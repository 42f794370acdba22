package dev.competency.learners.policy;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.catalogue.query.PolicyTranslator;
import dev.competency.learners.learner.domain.PolicyLookup;
import dev.competency.learners.learner.query.CurrentMastery;
import dev.competency.learners.learner.query.EvidenceTimeline;
import dev.competency.learners.learner.query.FrameworkUsage;
import dev.competency.learners.learner.query.MasteryQueries;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.MasteryRollup;
import dev.competency.learners.mastery.RollupPolicy;
import dev.competency.learners.mastery.RollupResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a framework version would do to mastery, before it is applied: each learner with evidence on the framework is
 * refolded under the candidate's policies, the way recomputation will (as of their latest evidence), and compared
 * with their recorded mastery; the parents it rolls up from their children are rolled up again from the new results
 * and compared with the roll-up of the recorded ones.
 */
@Component
public class PolicyPreview {

    private final FrameworkUsage usage;
    private final EvidenceTimeline timeline;
    private final CurrentMastery current;
    private final CataloguePolicies catalogue;

    PolicyPreview(FrameworkUsage usage, EvidenceTimeline timeline, CurrentMastery current,
            CataloguePolicies catalogue) {
        this.usage = usage;
        this.timeline = timeline;
        this.current = current;
        this.catalogue = catalogue;
    }

    public Preview preview(FrameworkPublished candidate) {
        Map<String, MasteryPolicy> policies = CataloguePolicies.policiesOf(candidate);
        List<Change> changes = new ArrayList<>();
        List<String> learners = usage.learnersOf(candidate.frameworkId());
        for (String learnerId : learners) {
            Map<String, CurrentMastery.Entry> recorded = new HashMap<>();
            current.of(learnerId).forEach(e -> recorded.put(e.competencyId(), e));
            Map<String, MasteryResult> next = new HashMap<>();
            MasteryQueries.byCompetency(timeline.of(learnerId)).forEach((competencyId, entries) -> {
                MasteryPolicy policy = policies.get(competencyId);
                if (policy == null || !candidate.frameworkId().equals(entries.get(0).evidence().frameworkId())) {
                    return;
                }
                Instant asOf = entries.stream().map(e -> e.evidence().occurredAt()).max(Instant::compareTo)
                        .orElseThrow();
                MasteryResult result = MasteryQueries.foldEntries(competencyId, policy, entries, asOf, Instant.MAX);
                next.put(competencyId, result);
                CurrentMastery.Entry now = recorded.get(competencyId);
                String level = now == null ? null : now.level();
                boolean mastered = now != null && now.mastered();
                if (!Objects.equals(level, result.levelCode()) || mastered != result.mastered()) {
                    changes.add(new Change(learnerId, competencyId, level, result.levelCode(), mastered,
                            result.mastered(), now == null ? null : now.method(), result.method().toString(),
                            now == null ? null : now.policyVersion(), result.policyVersion(),
                            result.explanation().summary()));
                }
            });
            changes.addAll(parentChanges(learnerId, candidate, policies, recorded, next));
        }
        return new Preview(candidate.frameworkId(), candidate.version(), learners.size(), changes);
    }

    /**
     * The parents the candidate rolls up whose level or mastered flag would change, the way the learner will roll
     * them up: from the children's new results, against the roll-up of their recorded mastery under the rule of the
     * version it was recorded under.
     */
    private List<Change> parentChanges(String learnerId, FrameworkPublished candidate,
            Map<String, MasteryPolicy> policies, Map<String, CurrentMastery.Entry> recorded,
            Map<String, MasteryResult> next) {
        Map<String, RollupResult> before = recordedRollups(candidate.frameworkId(), recorded);
        List<Change> changes = new ArrayList<>();
        for (FrameworkPublished.Competency competency : candidate.competencies()) {
            Optional<RollupPolicy> rule = PolicyTranslator.rollupOf(candidate, competency);
            if (rule.isEmpty()) {
                continue;
            }
            List<MasteryRollup.ChildState> children = new ArrayList<>();
            for (String child : rule.get().children()) {
                MasteryResult result = next.get(child);
                if (result != null) {
                    children.add(new MasteryRollup.ChildState(child, result.levelCode(), result.mastered(), false));
                }
            }
            Optional<RollupResult> after = MasteryRollup.rollUpIfAny(competency.id(), rule.get(),
                    policies.get(competency.id()).scale(), children);
            if (after.isEmpty()) {
                continue;
            }
            RollupResult now = before.get(competency.id());
            String level = now == null ? null : now.levelCode();
            boolean mastered = now != null && now.mastered();
            if (now == null || !Objects.equals(level, after.get().levelCode()) || mastered != after.get().mastered()) {
                changes.add(new Change(learnerId, competency.id(), level, after.get().levelCode(), mastered,
                        after.get().mastered(), now == null ? null : now.policy().methodLabel(),
                        after.get().policy().methodLabel(), null,
                        policies.get(competency.id()).policyVersion(), after.get().summary()));
            }
        }
        return changes;
    }

    /**
     * The parents rolled up from the children's recorded mastery, by parent, under the rules of the newest version
     * of the framework the learner's mastery was recorded under.
     */
    private Map<String, RollupResult> recordedRollups(String frameworkId, Map<String, CurrentMastery.Entry> recorded) {
        int version = recorded.values().stream().filter(e -> e.frameworkId().equals(frameworkId))
                .mapToInt(CurrentMastery.Entry::frameworkVersion).max().orElse(0);
        Map<String, RollupResult> rollups = new HashMap<>();
        if (version == 0) {
            return rollups;
        }
        for (PolicyLookup.ParentRollup parent : catalogue.rollupsOf(frameworkId, version).orElse(List.of())) {
            List<MasteryRollup.ChildState> children = new ArrayList<>();
            for (String child : parent.rule().children()) {
                CurrentMastery.Entry entry = recorded.get(child);
                if (entry != null && entry.frameworkVersion() == version) {
                    children.add(new MasteryRollup.ChildState(child, entry.level(), entry.mastered(), false));
                }
            }
            MasteryRollup.rollUpIfAny(parent.parentId(), parent.rule(), parent.scale(), children)
                    .ifPresent(rollup -> rollups.put(parent.parentId(), rollup));
        }
        return rollups;
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
