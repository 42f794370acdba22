package dev.competency.learners.policy;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.catalogue.query.PolicyTranslator;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a framework version would do to mastery, before it is applied: each learner with evidence on the framework is
 * refolded under the candidate's policies, the way recomputation will (as of their latest evidence), and compared
 * with their recorded mastery; the parents it rolls up from their children are rolled up again from the new results
 * and compared with their recorded roll-ups, and a recorded roll-up it drops is compared with the parent's own new
 * result.
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
            Map<String, MasteryResult> next = new LinkedHashMap<>();
            timeline.byCompetencyOf(learnerId).forEach((competencyId, entries) -> {
                MasteryPolicy policy = policies.get(competencyId);
                if (policy != null && candidate.frameworkId().equals(entries.get(0).evidence().frameworkId())) {
                    Instant asOf = entries.stream().map(e -> e.evidence().occurredAt()).max(Instant::compareTo)
                            .orElseThrow();
                    next.put(competencyId, MasteryQueries.foldEntries(competencyId, policy, entries, asOf,
                            Instant.MAX));
                }
            });
            Map<String, CurrentMastery.Entry> recordedRollups = new HashMap<>();
            current.rollupsOf(learnerId).stream().filter(r -> r.frameworkId().equals(candidate.frameworkId()))
                    .forEach(r -> recordedRollups.put(r.competencyId(), r));
            Set<String> parents = new HashSet<>(recordedRollups.keySet());
            List<Change> parentChanges = parentChanges(learnerId, candidate, policies, next, recordedRollups,
                    parents);
            Map<String, CurrentMastery.Entry> recorded = new HashMap<>();
            current.of(learnerId).forEach(e -> recorded.put(e.competencyId(), e));
            next.forEach((competencyId, result) -> {
                if (parents.contains(competencyId)) {
                    return; // a rolled-up parent's own fold is not its mastery: parentChanges compared what is
                }
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
            changes.addAll(parentChanges);
        }
        return new Preview(candidate.frameworkId(), candidate.version(), learners.size(), changes);
    }

    /**
     * The parents whose level or mastered flag would change, the way the learner will roll them up: for each parent
     * the candidate rolls up, the roll-up of the children's new results against the recorded roll-up; for each
     * recorded roll-up the candidate drops, the parent's own new result (none without evidence on it). Adds to
     * {@code parents} every parent the candidate rolls up for this learner.
     */
    private static List<Change> parentChanges(String learnerId, FrameworkPublished candidate,
            Map<String, MasteryPolicy> policies, Map<String, MasteryResult> next,
            Map<String, CurrentMastery.Entry> recordedRollups, Set<String> parents) {
        Map<String, CurrentMastery.Entry> before = new HashMap<>(recordedRollups);
        List<Change> changes = new ArrayList<>();
        for (FrameworkPublished.Competency competency : candidate.competencies()) {
            Optional<RollupPolicy> rule = PolicyTranslator.rollupOf(candidate, competency);
            if (rule.isEmpty()) {
                continue;
            }
            CurrentMastery.Entry now = before.remove(competency.id());
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
            parents.add(competency.id());
            String level = now == null ? null : now.level();
            boolean mastered = now != null && now.mastered();
            if (now == null || !Objects.equals(level, after.get().levelCode()) || mastered != after.get().mastered()) {
                changes.add(new Change(learnerId, competency.id(), level, after.get().levelCode(), mastered,
                        after.get().mastered(), now == null ? null : now.method(),
                        after.get().policy().methodLabel(), null,
                        policies.get(competency.id()).policyVersion(), after.get().summary()));
            }
        }
        before.values().forEach(ended -> {
            MasteryResult own = next.get(ended.competencyId());
            String level = own == null ? null : own.levelCode();
            boolean mastered = own != null && own.mastered();
            if (!Objects.equals(ended.level(), level) || ended.mastered() != mastered) {
                changes.add(new Change(learnerId, ended.competencyId(), ended.level(), level, ended.mastered(),
                        mastered, ended.method(), own == null ? null : own.method().toString(), null,
                        own == null ? null : own.policyVersion(), "Version " + candidate.version()
                        + " no longer rolls this parent up from its children"
                        + (own == null ? "; it has no evidence of its own" : ": " + own.explanation().summary())));
            }
        });
        return changes;
    }

    /** The learners the candidate would affect, out of those with evidence on the framework. */
    public record Preview(String frameworkId, int version, int learnersExamined, List<Change> changes) {

        /** The same changes with every learner id left out. */
        public Preview withoutLearners() {
            return new Preview(frameworkId, version, learnersExamined, changes.stream()
                    .map(c -> new Change(null, c.competencyId(), c.currentLevel(), c.newLevel(), c.currentlyMastered(),
                            c.newlyMastered(), c.currentMethod(), c.newMethod(), c.currentPolicyVersion(),
                            c.newPolicyVersion(), c.why()))
                    .toList());
        }
    }

    /**
     * One learner × competency whose level or mastered flag would change, and the new result's explanation.
     *
     * @param learnerId        null in an author's preview
     * @param newPolicyVersion null when the competency would have no result
     */
    public record Change(String learnerId, String competencyId, String currentLevel, String newLevel,
                         boolean currentlyMastered, boolean newlyMastered, String currentMethod, String newMethod,
                         Integer currentPolicyVersion, Integer newPolicyVersion, String why) {
    }
}
