package dev.competency.learners.learner.query;

import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.learner.domain.EvidenceItem;
import dev.competency.learners.learner.domain.PolicyLookup;
import dev.competency.learners.mastery.DecidingRule;
import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.Explanation;
import dev.competency.learners.mastery.MasteryFold;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.MasteryResult;
import dev.competency.learners.mastery.MasteryRollup;
import dev.competency.learners.mastery.RollupResult;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A learner's mastery at any valid time ({@code asOf}) as known at any record time ({@code knownAt}), folded from
 * the evidence timeline with the same pure fold the learner aggregate uses. Nothing is written: decay and expiry
 * are computed at the instant asked for.
 */
@Component
public class MasteryQueries {

    private static final Logger log = LoggerFactory.getLogger(MasteryQueries.class);

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
        return masteryOf(new Facts(learnerId), asOf, knownAt);
    }

    private List<CompetencyMastery> masteryOf(Facts facts, Instant asOf, Instant knownAt) {
        List<CompetencyMastery> result = new ArrayList<>();
        facts.byCompetency.forEach((competencyId, entries) ->
                result.add(fold(competencyId, entries, facts, asOf, knownAt)));
        return withRollups(result);
    }

    /**
     * One competency. Only its own evidence is folded, unless a framework version of the learner's evidence rolls
     * it up from its children: then every competency is folded, as for the whole list, and the answer is the same.
     */
    public Optional<CompetencyMastery> masteryOf(String learnerId, String competencyId, Instant asOf,
            Instant knownAt) {
        return masteryAt(learnerId, competencyId, List.of(asOf), knownAt).get(0);
    }

    /**
     * One competency at each of several valid times, as known at {@code knownAt}, from a single read of the
     * learner's timeline and recorded mastery. Empty where the learner has no result on the competency then.
     */
    public List<Optional<CompetencyMastery>> masteryAt(String learnerId, String competencyId, List<Instant> asOfs,
            Instant knownAt) {
        Facts facts = new Facts(learnerId);
        List<EvidenceTimeline.Entry> own = facts.byCompetency.get(competencyId);
        boolean rolledUp = own == null || facts.mayRollUp(competencyId);
        List<Optional<CompetencyMastery>> result = new ArrayList<>(asOfs.size());
        for (Instant asOf : asOfs) {
            result.add(rolledUp
                    ? masteryOf(facts, asOf, knownAt).stream().filter(m -> m.competencyId().equals(competencyId))
                            .findFirst()
                    : Optional.of(fold(competencyId, own, facts, asOf, knownAt)));
        }
        return result;
    }

    /** A learner's timeline grouped by competency and the mastery the read model recorded for each. */
    private final class Facts {

        final Map<String, List<EvidenceTimeline.Entry>> byCompetency;
        final Map<String, CurrentMastery.Entry> recorded = new HashMap<>();
        final Map<String, Integer> adopted;

        Facts(String learnerId) {
            byCompetency = timeline.byCompetencyOf(learnerId);
            for (CurrentMastery.Entry entry : current.of(learnerId)) {
                recorded.put(entry.competencyId(), entry);
            }
            adopted = current.adoptedVersionsOf(learnerId);
        }

        /**
         * The framework version a competency is folded under: the newest its evidence was aligned to, the one the
         * read model recorded its mastery under, or the one the learner adopted since, whichever is newest (an
         * adoption that changed no result records no mastery).
         */
        FrameworkVersion versionOf(String competencyId, List<EvidenceTimeline.Entry> entries) {
            String frameworkId = entries.get(entries.size() - 1).evidence().frameworkId();
            int version = 0;
            for (EvidenceTimeline.Entry entry : entries) {
                EvidenceItem item = entry.evidence();
                if (item.frameworkVersion() > version) {
                    version = item.frameworkVersion();
                    frameworkId = item.frameworkId();
                }
            }
            CurrentMastery.Entry last = recorded.get(competencyId);
            if (last != null && last.frameworkVersion() > version) {
                frameworkId = last.frameworkId();
                version = last.frameworkVersion();
            }
            return new FrameworkVersion(frameworkId, Math.max(version, adopted.getOrDefault(frameworkId, 0)));
        }

        /** Whether a framework version some competency is folded under rolls {@code competencyId} up. */
        boolean mayRollUp(String competencyId) {
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, List<EvidenceTimeline.Entry>> competency : byCompetency.entrySet()) {
                FrameworkVersion version = versionOf(competency.getKey(), competency.getValue());
                if (seen.add(version.frameworkId() + ":" + version.version())
                        && policies.rollupsOf(version.frameworkId(), version.version()).orElse(List.of()).stream()
                                .anyMatch(parent -> parent.parentId().equals(competencyId))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Adds the parents whose framework version rolls their mastery up from their children (ALL_CHILDREN or
     * POINTS), for every parent with at least one child the learner has a result on. A rolled-up parent replaces
     * a result folded from evidence on the parent itself. Children are the folded results; a child that is itself
     * a rolled-up parent counts as without a level.
     */
    private List<CompetencyMastery> withRollups(List<CompetencyMastery> folded) {
        Map<String, List<MasteryResult>> resultsByVersion = new LinkedHashMap<>();
        for (CompetencyMastery mastery : folded) {
            if (mastery.result() != null) {
                resultsByVersion.computeIfAbsent(mastery.frameworkId() + ":" + mastery.frameworkVersion(),
                        key -> new ArrayList<>()).add(mastery.result());
            }
        }
        Map<String, CompetencyMastery> byCompetency = new TreeMap<>();
        folded.forEach(mastery -> byCompetency.put(mastery.competencyId(), mastery));
        for (CompetencyMastery mastery : folded) {
            String key = mastery.frameworkId() + ":" + mastery.frameworkVersion();
            List<MasteryResult> results = resultsByVersion.remove(key);
            if (results == null) {
                continue;
            }
            for (PolicyLookup.ParentRollup parent : policies.rollupsOf(mastery.frameworkId(),
                    mastery.frameworkVersion()).orElse(List.of())) {
                if (results.stream().noneMatch(r -> parent.rule().children().contains(r.competencyId()))) {
                    continue;
                }
                try {
                    RollupResult rolled = MasteryRollup.rollUp(parent.parentId(), parent.rule(), parent.scale(),
                            results);
                    // The parent's own evidence, if any, is shown among the exclusions, never silently dropped.
                    CompetencyMastery own = byCompetency.get(parent.parentId());
                    MasteryResult ownResult = own == null ? null : own.result();
                    byCompetency.put(parent.parentId(), new CompetencyMastery(parent.parentId(),
                            mastery.frameworkId(), mastery.frameworkVersion(), null, rolled,
                            own == null ? 0 : own.afterAsOf(), own == null ? 0 : own.notYetKnown(),
                            MasteryRollup.explain(rolled, ownResult)));
                } catch (IllegalArgumentException e) {
                    // A child on a scale of its own has levels the parent's scale does not know: no roll-up.
                    log.warn("Cannot roll up competency {} of framework {}: {}", parent.parentId(), key,
                            e.getMessage());
                }
            }
        }
        return new ArrayList<>(byCompetency.values());
    }

    private CompetencyMastery fold(String competencyId, List<EvidenceTimeline.Entry> entries, Facts facts,
            Instant asOf, Instant knownAt) {
        FrameworkVersion version = facts.versionOf(competencyId, entries);
        Optional<MasteryPolicy> policy = policies.policyFor(version.frameworkId(), version.version(), competencyId);
        if (policy.isEmpty()) {
            return new CompetencyMastery(competencyId, version.frameworkId(), version.version(), null, null);
        }
        WindowedFold folded = foldWindow(competencyId, policy.get(), entries, asOf, knownAt);
        return new CompetencyMastery(competencyId, version.frameworkId(), version.version(), folded.result(), null,
                folded.afterAsOf(), folded.notYetKnown(), null);
    }

    private record FrameworkVersion(String frameworkId, int version) {
    }

    /**
     * Folds timeline entries; a void counts when it was recorded at or before {@code knownAt}. Entries recorded
     * after {@code knownAt} or that occurred after {@code asOf} are left out before the fold, so the explanation
     * lists only what had happened and was known at those instants.
     */
    public static MasteryResult foldEntries(String competencyId, MasteryPolicy policy,
            List<EvidenceTimeline.Entry> entries, Instant asOf, Instant knownAt) {
        return foldWindow(competencyId, policy, entries, asOf, knownAt).result();
    }

    /** {@link #foldEntries}, with how many entries were left out and why; one pass decides both. */
    private static WindowedFold foldWindow(String competencyId, MasteryPolicy policy,
            List<EvidenceTimeline.Entry> entries, Instant asOf, Instant knownAt) {
        List<Evidence> evidence = new ArrayList<>(entries.size());
        Set<String> voided = new HashSet<>();
        int notYetKnown = 0;
        int afterAsOf = 0;
        for (EvidenceTimeline.Entry entry : entries) {
            Evidence item = entry.forFold();
            if (item.recordedAt().isAfter(knownAt)) {
                notYetKnown++;
            } else if (item.occurredAt().isAfter(asOf)) {
                afterAsOf++;
            } else {
                evidence.add(item);
                if (entry.voidedAt() != null && !entry.voidedAt().isAfter(knownAt)) {
                    voided.add(item.evidenceId());
                }
            }
        }
        return new WindowedFold(MasteryFold.fold(competencyId, policy, evidence, voided, asOf, knownAt), afterAsOf,
                notYetKnown);
    }

    private record WindowedFold(MasteryResult result, int afterAsOf, int notYetKnown) {
    }

    /**
     * The mastery of one competency: folded from its evidence ({@code result}), or rolled up from its children
     * ({@code rollup}); both are null while the framework version its evidence was aligned to has not arrived
     * (mastery pending).
     *
     * @param afterAsOf          the competency's evidence left out because it occurred after the as-of instant
     * @param notYetKnown        the competency's evidence left out because it was recorded after the known-at
     *                           instant
     * @param rollupExplanation  for a rolled-up parent, why: the roll-up and the parent's own evidence among the
     *                           exclusions ({@link MasteryRollup#explain}); else null
     */
    public record CompetencyMastery(String competencyId, String frameworkId, int frameworkVersion,
                                    MasteryResult result, RollupResult rollup, int afterAsOf, int notYetKnown,
                                    Explanation rollupExplanation) {

        /** A result without evidence left out by the as-of or known-at instant. */
        public CompetencyMastery(String competencyId, String frameworkId, int frameworkVersion, MasteryResult result,
                RollupResult rollup) {
            this(competencyId, frameworkId, frameworkVersion, result, rollup, 0, 0, null);
        }

        /** The level that counts towards a target: none when pending or when the mastery expired. */
        public String countingLevel() {
            if (rollup != null) {
                return rollup.levelCode();
            }
            return result == null || result.rule() == DecidingRule.EXPIRED ? null : result.levelCode();
        }

        public boolean mastered() {
            return rollup != null ? rollup.mastered() : result != null && result.mastered();
        }
    }
}
