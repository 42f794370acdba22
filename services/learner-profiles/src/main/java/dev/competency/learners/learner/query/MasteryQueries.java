package dev.competency.learners.learner.query;

import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A learner's mastery at any valid time ({@code asOf}) as known at any record time ({@code knownAt}), folded from
 * the evidence timeline with the same pure fold the learner aggregate uses. Nothing is written: decay and expiry
 * are computed at the instant asked for.
 */
@Component
public class MasteryQueries {

    private final EvidenceTimeline timeline;
    private final CurrentMastery current;
    private final CataloguePolicies policies;

    MasteryQueries(EvidenceTimeline timeline, CurrentMastery current, CataloguePolicies policies) {
        this.timeline = timeline;
        this.current = current;
        this.policies = policies;
    }

    /** Every competency the learner has evidence on, in competency id order. */
    public List<CompetencyMastery> masteryOf(String learnerId, Instant asOf, Instant knownAt) {
        Map<String, List<EvidenceTimeline.Entry>> byCompetency = new TreeMap<>();
        for (EvidenceTimeline.Entry entry : timeline.of(learnerId)) {
            byCompetency.computeIfAbsent(entry.evidence().competencyId(), c -> new ArrayList<>()).add(entry);
        }
        Map<String, CurrentMastery.Entry> recorded = new HashMap<>();
        for (CurrentMastery.Entry entry : current.of(learnerId)) {
            recorded.put(entry.competencyId(), entry);
        }
        List<CompetencyMastery> result = new ArrayList<>();
        byCompetency.forEach((competencyId, entries) ->
                result.add(fold(competencyId, entries, recorded.get(competencyId), asOf, knownAt)));
        return result;
    }

    public Optional<CompetencyMastery> masteryOf(String learnerId, String competencyId, Instant asOf,
            Instant knownAt) {
        return masteryOf(learnerId, asOf, knownAt).stream()
                .filter(m -> m.competencyId().equals(competencyId)).findFirst();
    }

    private CompetencyMastery fold(String competencyId, List<EvidenceTimeline.Entry> entries,
            CurrentMastery.Entry recorded, Instant asOf, Instant knownAt) {
        String frameworkId = entries.get(entries.size() - 1).evidence().frameworkId();
        int version = 0;
        for (EvidenceTimeline.Entry entry : entries) {
            EvidenceItem item = entry.evidence();
            if (item.frameworkVersion() > version) {
                version = item.frameworkVersion();
                frameworkId = item.frameworkId();
            }
        }
        if (recorded != null && recorded.frameworkVersion() > version) {
            frameworkId = recorded.frameworkId();
            version = recorded.frameworkVersion();
        }
        Optional<MasteryPolicy> policy = policies.policyFor(frameworkId, version, competencyId);
        if (policy.isEmpty()) {
            return new CompetencyMastery(competencyId, frameworkId, version, null);
        }
        return new CompetencyMastery(competencyId, frameworkId, version,
                foldEntries(competencyId, policy.get(), entries, asOf, knownAt));
    }

    /** Folds timeline entries; a void counts when it was recorded at or before {@code knownAt}. */
    public static MasteryResult foldEntries(String competencyId, MasteryPolicy policy,
            List<EvidenceTimeline.Entry> entries, Instant asOf, Instant knownAt) {
        List<Evidence> evidence = new ArrayList<>(entries.size());
        Set<String> voided = new HashSet<>();
        for (EvidenceTimeline.Entry entry : entries) {
            evidence.add(entry.evidence().toEvidence());
            if (entry.voidedAt() != null && !entry.voidedAt().isAfter(knownAt)) {
                voided.add(entry.evidence().evidenceId());
            }
        }
        return MasteryFold.fold(competencyId, policy, evidence, voided, asOf, knownAt);
    }

    /** Groups a timeline by competency, keeping fold order within each. */
    public static Map<String, List<EvidenceTimeline.Entry>> byCompetency(List<EvidenceTimeline.Entry> entries) {
        Map<String, List<EvidenceTimeline.Entry>> grouped = new LinkedHashMap<>();
        for (EvidenceTimeline.Entry entry : entries) {
            grouped.computeIfAbsent(entry.evidence().competencyId(), c -> new ArrayList<>()).add(entry);
        }
        return grouped;
    }

    /**
     * The mastery of one competency; {@code result} is null while the framework version its evidence was aligned
     * to has not arrived (mastery pending).
     */
    public record CompetencyMastery(String competencyId, String frameworkId, int frameworkVersion,
                                    MasteryResult result) {
    }
}
