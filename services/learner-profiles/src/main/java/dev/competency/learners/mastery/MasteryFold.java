package dev.competency.learners.mastery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The mastery of one learner on one competency, folded from that learner's evidence under a policy.
 *
 * <p>Use {@link #fold} for a one-off computation from a collection of evidence, or an instance as an
 * accumulator for live intake: {@link #add} evidence as it arrives and ask for the {@link #result} at any time.
 * Both give the same result for the same evidence, whatever the arrival order.
 *
 * <p>Costs: an item that arrives in fold order is folded in O(1) amortised time; a late item, a replacing copy or
 * a void is inserted in place and the running state is refolded from the stored ordered list (O(n)).
 * {@link #result} is O(n) because the explanation lists every item; it reuses the running state unless the
 * as-of or knownAt instant cuts items off, in which case it refolds the list with those filters.
 *
 * <p>Instances are not thread-safe.
 */
public final class MasteryFold {

    private static final Instant END_OF_TIME = Instant.MAX;

    private final String competencyId;
    private final MasteryPolicy policy;
    private final ArrayList<Evidence> ordered = new ArrayList<>();
    private final Map<String, Evidence> byId = new HashMap<>();
    private final Set<String> voidedIds = new HashSet<>();
    /** The items that count with nothing cut off, in fold order. */
    private Tally running;
    private Instant latestRecordedAt;

    public MasteryFold(String competencyId, MasteryPolicy policy) {
        Evidence.requireText(competencyId, "competencyId");
        this.competencyId = competencyId;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.running = new Tally(policy);
    }

    /**
     * Folds {@code evidence} from scratch.
     *
     * @param evidence  the learner's evidence for this competency, in any order, duplicates allowed
     * @param voidedIds ids of voided evidence, in addition to items flagged voided
     * @param asOf      valid time: evidence that occurred after it is ignored, and expiry and decay are measured
     *                  at it
     * @param knownAt   record time: evidence recorded after it is ignored
     * @throws IllegalArgumentException when an item is about another competency
     */
    public static MasteryResult fold(String competencyId, MasteryPolicy policy, Collection<Evidence> evidence,
            Set<String> voidedIds, Instant asOf, Instant knownAt) {
        Evidence.requireText(competencyId, "competencyId");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(voidedIds, "voidedIds");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(knownAt, "knownAt");
        Evidence[] items = evidence.toArray(new Evidence[0]);
        for (Evidence e : items) {
            requireCompetency(competencyId, e);
        }
        Collapsed collapsed = collapseCopies(items, voidedIds);
        Evidence[] winners = collapsed.winners();
        Arrays.sort(winners, Evidence.FOLD_ORDER);
        List<Evidence> inOrder = Arrays.asList(winners);
        Set<String> extra = collapsed.flaggedVoided();
        Predicate<String> voided = extra.isEmpty() ? voidedIds::contains
                : id -> voidedIds.contains(id) || extra.contains(id);
        return evaluate(competencyId, policy, inOrder, voided, null, asOf, knownAt);
    }

    /** Folds {@code evidence} as of {@code asOf} with everything recorded so far known. */
    public static MasteryResult fold(String competencyId, MasteryPolicy policy, Collection<Evidence> evidence,
            Instant asOf) {
        return fold(competencyId, policy, evidence, Set.of(), asOf, END_OF_TIME);
    }

    /**
     * Adds one item. A copy of an id already held changes nothing unless it is preferred (recorded earlier) or
     * carries the voided flag.
     *
     * @return whether the fold changed
     * @throws IllegalArgumentException when the item is about another competency
     */
    public boolean add(Evidence evidence) {
        requireCompetency(competencyId, evidence);
        String id = evidence.evidenceId();
        boolean newlyVoided = evidence.voided() && voidedIds.add(id);
        Evidence held = byId.get(id);
        if (held == null) {
            byId.put(id, evidence);
            int size = ordered.size();
            if (size == 0 || Evidence.FOLD_ORDER.compare(ordered.get(size - 1), evidence) < 0) {
                ordered.add(evidence);
                if (running.exclusionOf(evidence, voidedIds.contains(id), END_OF_TIME, END_OF_TIME) == null) {
                    running.accept(evidence);
                }
                if (latestRecordedAt == null || evidence.recordedAt().isAfter(latestRecordedAt)) {
                    latestRecordedAt = evidence.recordedAt();
                }
            } else {
                ordered.add(insertionPoint(evidence), evidence);
                refold();
            }
            return true;
        }
        if (Evidence.COPY_ORDER.compare(evidence, held) < 0) {
            ordered.remove(Collections.binarySearch(ordered, held, Evidence.FOLD_ORDER));
            ordered.add(insertionPoint(evidence), evidence);
            byId.put(id, evidence);
            refold();
            return true;
        }
        if (newlyVoided) {
            refold();
            return true;
        }
        return false;
    }

    /**
     * Voids an evidence id, whether or not it has arrived yet.
     *
     * @return whether the id was not voided before
     */
    public boolean voidEvidence(String evidenceId) {
        Evidence.requireText(evidenceId, "evidenceId");
        if (!voidedIds.add(evidenceId)) {
            return false;
        }
        if (byId.containsKey(evidenceId)) {
            refold();
        }
        return true;
    }

    /** The mastery as of {@code asOf} with everything added so far known. */
    public MasteryResult result(Instant asOf) {
        return result(asOf, END_OF_TIME);
    }

    /** The mastery as of {@code asOf} (valid time) as known at {@code knownAt} (record time). */
    public MasteryResult result(Instant asOf, Instant knownAt) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(knownAt, "knownAt");
        boolean nothingCutOff = ordered.isEmpty()
                || (!asOf.isBefore(ordered.get(ordered.size() - 1).occurredAt())
                        && !knownAt.isBefore(latestRecordedAt));
        return evaluate(competencyId, policy, ordered, voidedIds::contains, nothingCutOff ? running : null, asOf,
                knownAt);
    }

    private void refold() {
        running = tally(policy, ordered, voidedIds::contains, END_OF_TIME, END_OF_TIME);
        latestRecordedAt = ordered.stream().map(Evidence::recordedAt).max(Comparator.naturalOrder()).orElse(null);
    }

    private int insertionPoint(Evidence evidence) {
        int found = Collections.binarySearch(ordered, evidence, Evidence.FOLD_ORDER);
        return found < 0 ? -found - 1 : found;
    }

    /** Items with one copy per evidence id, and the ids of which a dropped copy was flagged voided. */
    record Collapsed(Evidence[] winners, Set<String> flaggedVoided) {
    }

    /** Below this many items copies are collapsed in a hash map, above it by sorting by id. */
    static final int HASH_COLLAPSE_LIMIT = 16_384;

    /**
     * Keeps the preferred copy of each evidence id ({@link Evidence#COPY_ORDER}, the first of equals). Runs for
     * every query. Up to thousands of items a hash map beats sorting random ids (as-of queries, FoldBenchmark at
     * 1,000 items); at 100,000 the map no longer fits the CPU caches and the sort is faster again.
     */
    static Collapsed collapseCopies(Evidence[] items, Set<String> voidedIds) {
        return items.length <= HASH_COLLAPSE_LIMIT ? collapseByHash(items, voidedIds) : collapseBySort(items, voidedIds);
    }

    /** The winners keep their given order, so a later sort into fold order mostly only checks it. */
    static Collapsed collapseByHash(Evidence[] items, Set<String> voidedIds) {
        Map<String, Evidence> preferred = new HashMap<>(items.length * 2);
        Set<String> flaggedVoided = Set.of();
        for (Evidence e : items) {
            Evidence held = preferred.putIfAbsent(e.evidenceId(), e);
            if (held == null) {
                continue;
            }
            Evidence loser = e;
            if (Evidence.COPY_ORDER.compare(e, held) < 0) {
                preferred.put(e.evidenceId(), e);
                loser = held;
            }
            if (loser.voided() && !voidedIds.contains(e.evidenceId())) {
                flaggedVoided = addTo(flaggedVoided, e.evidenceId());
            }
        }
        if (preferred.size() == items.length) {
            return new Collapsed(items, flaggedVoided);
        }
        Evidence[] winners = new Evidence[preferred.size()];
        int unique = 0;
        for (Evidence e : items) {
            // Removing takes each id once, also when the same copy was passed twice.
            if (preferred.remove(e.evidenceId(), e)) {
                winners[unique++] = e;
            }
        }
        return new Collapsed(winners, flaggedVoided);
    }

    /** Sorts by id with the preferred copy first and keeps the first of each run; reorders {@code items}. */
    static Collapsed collapseBySort(Evidence[] items, Set<String> voidedIds) {
        Arrays.sort(items, (a, b) -> {
            int c = a.evidenceId().compareTo(b.evidenceId());
            return c != 0 ? c : Evidence.COPY_ORDER.compare(a, b);
        });
        Set<String> flaggedVoided = Set.of();
        int unique = 0;
        for (Evidence e : items) {
            if (unique > 0 && items[unique - 1].evidenceId().equals(e.evidenceId())) {
                if (e.voided() && !voidedIds.contains(e.evidenceId())) {
                    flaggedVoided = addTo(flaggedVoided, e.evidenceId());
                }
                continue;
            }
            items[unique++] = e;
        }
        return new Collapsed(unique == items.length ? items : Arrays.copyOf(items, unique), flaggedVoided);
    }

    private static Set<String> addTo(Set<String> set, String id) {
        Set<String> grown = set.isEmpty() ? new HashSet<>() : set;
        grown.add(id);
        return grown;
    }

    private static void requireCompetency(String competencyId, Evidence e) {
        Objects.requireNonNull(e, "evidence");
        if (!e.competencyId().equals(competencyId)) {
            throw new IllegalArgumentException("evidence " + e.evidenceId() + " is about competency "
                    + e.competencyId() + ", not " + competencyId);
        }
    }

    /**
     * Builds the result from the ordered, de-duplicated items. {@code prepared} is a tally already holding exactly
     * the items that count at these instants, or {@code null} to fold one here.
     */
    private static MasteryResult evaluate(String competencyId, MasteryPolicy policy, List<Evidence> ordered,
            Predicate<String> voided, Tally prepared, Instant asOf, Instant knownAt) {
        Tally tally = prepared != null ? prepared : tally(policy, ordered, voided, asOf, knownAt);
        List<Explanation.Exclusion> exclusions = new ArrayList<>();
        Evidence[] counted = new Evidence[tally.counted];
        Evidence[] scored = new Evidence[tally.scored];
        int c = 0;
        int s = 0;
        for (Evidence e : ordered) {
            ExclusionReason reason = tally.exclusionOf(e, voided.test(e.evidenceId()), asOf, knownAt);
            if (reason != null) {
                exclusions.add(new Explanation.Exclusion(e.evidenceId(), e.sourceType(), e.occurredAt(), e.score(),
                        reason));
                continue;
            }
            counted[c++] = e;
            if (!tally.isRating(e)) {
                scored[s++] = e;
            }
        }
        double[] shares = tally.shares(scored);
        List<Explanation.Contribution> contributions = new ArrayList<>(counted.length);
        s = 0;
        for (Evidence e : counted) {
            double share = tally.isRating(e) ? 0.0 : shares[s++];
            contributions.add(new Explanation.Contribution(e.evidenceId(), e.sourceType(), e.occurredAt(), e.score(),
                    tally.weightOf(e), share));
        }
        return new Verdict(policy, tally, asOf, exclusions.size()).toResult(competencyId, contributions, exclusions);
    }

    /** A tally of the items of {@code ordered} that count at these instants. */
    private static Tally tally(MasteryPolicy policy, List<Evidence> ordered, Predicate<String> voided, Instant asOf,
            Instant knownAt) {
        Tally tally = new Tally(policy);
        for (Evidence e : ordered) {
            if (tally.exclusionOf(e, voided.test(e.evidenceId()), asOf, knownAt) == null) {
                tally.accept(e);
            }
        }
        return tally;
    }

    /** Applies the policy's rules to a tally, in order: evidence, manual rating, minimum, method, expiry. */
    private static final class Verdict {

        private final MasteryPolicy policy;
        private final ProficiencyScale scale;
        private final Tally tally;
        private final Instant asOf;
        private final int excludedCount;

        Verdict(MasteryPolicy policy, Tally tally, Instant asOf, int excludedCount) {
            this.policy = policy;
            this.scale = policy.scale();
            this.tally = tally;
            this.asOf = asOf;
            this.excludedCount = excludedCount;
        }

        MasteryResult toResult(String competencyId, List<Explanation.Contribution> contributions,
                List<Explanation.Exclusion> exclusions) {
            double raw = tally.score();
            Double computed = Double.isNaN(raw) ? null : raw;
            double decayFactor = 1.0;
            Double score = computed;
            if (computed != null && policy.decayHalfLife() != null) {
                double age = seconds(Duration.between(tally.last, asOf));
                decayFactor = Math.pow(0.5, Math.max(0.0, age) / seconds(policy.decayHalfLife()));
                score = computed * decayFactor;
            }

            DecidingRule rule;
            String summary;
            int levelIndex = -1;
            int computedIndex = score == null ? -1 : scale.indexFor(score);
            boolean heldBack = tally.scored < policy.minimumEvidence();
            // Held back, the level stays below the mastery level: progress shows, mastery is not claimed.
            int heldIndex = heldBack ? Math.min(computedIndex, scale.masteryIndex() - 1) : computedIndex;
            boolean ratingActive = tally.rating != null
                    && (policy.manualRatingPrecedence() == ManualRatingPrecedence.ALWAYS || tally.supersededBy == null);
            if (tally.counted == 0) {
                rule = DecidingRule.NO_EVIDENCE;
                summary = excludedCount == 0 ? "No evidence for this competency yet."
                        : "No evidence counts: " + items(excludedCount) + " excluded.";
            } else if (ratingActive) {
                rule = DecidingRule.MANUAL_RATING;
                levelIndex = scale.indexOf(tally.rating.ratedLevel());
                summary = "Manual rating by " + tally.rating.actorId() + " on " + day(tally.rating.occurredAt())
                        + " outranks the computed level: " + scale.levels().get(levelIndex).code()
                        + " instead of " + (heldIndex < 0 ? "no level" : scale.levels().get(heldIndex).code())
                        + ".";
            } else if (heldBack) {
                rule = DecidingRule.MINIMUM_EVIDENCE;
                levelIndex = heldIndex;
                summary = "Held back by the minimum-evidence rule: " + items(tally.scored)
                        + " scored, the policy requires " + policy.minimumEvidence() + "." + heldNote(score,
                                computedIndex, heldIndex) + decayNote(decayFactor);
            } else if (score == null) {
                rule = DecidingRule.N_MASTERY_PENDING;
                summary = policy.method() + " needs " + tally.n() + " scores at or above the mastery threshold "
                        + number(scale.masteryThreshold()) + "; " + tally.qualifying() + " so far.";
            } else {
                rule = DecidingRule.COMPUTED;
                levelIndex = computedIndex;
                summary = policy.method() + " over " + items(tally.scored) + " gives " + scoreText(score, scale) + ", "
                        + (levelIndex < 0 ? "below the lowest level" : "level " + scale.levels().get(levelIndex).code())
                        + "." + decayNote(decayFactor) + supersededNote();
            }
            boolean mastered = levelIndex >= 0 && levelIndex >= scale.masteryIndex();
            // Decay lowers the level the score decides (not a rating's) once the score falls below its threshold.
            Instant nextChangeAt = rule == DecidingRule.COMPUTED || rule == DecidingRule.MINIMUM_EVIDENCE
                    ? decayCrossing(computed, levelIndex) : null;

            Instant expiresAt = tally.counted == 0 || policy.validity() == null ? null
                    : plus(tally.last, policy.validity());
            if (mastered && expiresAt != null && expiresAt.isAfter(asOf)) {
                nextChangeAt = earlier(nextChangeAt, expiresAt);
            }
            if (expiresAt != null && !asOf.isBefore(expiresAt)) {
                String expiry = "expired at " + expiresAt + " (last evidence on " + day(tally.last)
                        + " plus the validity period " + policy.validity() + ")";
                if (mastered) {
                    mastered = false;
                    rule = DecidingRule.EXPIRED;
                    summary = "Mastery " + expiry + ". Before expiry: " + summary;
                } else {
                    summary = summary + " Validity also " + expiry + ".";
                }
            }
            String levelCode = levelIndex < 0 ? null : scale.levels().get(levelIndex).code();
            return new MasteryResult(competencyId, levelCode, score, mastered, tally.counted, tally.first, tally.last,
                    expiresAt, policy.method(), policy.policyVersion(),
                    new Explanation(rule, summary, contributions, exclusions, computed, decayFactor), nextChangeAt);
        }

        /**
         * When the decayed score falls below the threshold of level {@code levelIndex}, or null when it never does
         * (no decay, no level, or the lowest threshold is 0). The instant is found from the half-life formula and
         * then checked against the same test that maps scores to levels, so that at the instant returned the level
         * has changed, never a rounding error before it.
         */
        private Instant decayCrossing(Double computed, int levelIndex) {
            if (computed == null || policy.decayHalfLife() == null || levelIndex < 0) {
                return null;
            }
            double floor = scale.levels().get(levelIndex).threshold() - ProficiencyScale.TOLERANCE;
            if (floor <= 0.0 || computed <= floor) {
                return null;
            }
            double halfLife = seconds(policy.decayHalfLife());
            double ageSeconds = halfLife * Math.log(computed / floor) / Math.log(2.0);
            if (ageSeconds > Long.MAX_VALUE / 4.0) {
                return null;
            }
            Instant candidate = plus(tally.last, Duration.ofMillis((long) Math.ceil(ageSeconds * 1000.0)));
            for (int step = 0; step < 64 && candidate.isBefore(Instant.MAX); step++) {
                double age = seconds(Duration.between(tally.last, candidate));
                if (!ProficiencyScale.reaches(computed * Math.pow(0.5, age / halfLife),
                        scale.levels().get(levelIndex).threshold())) {
                    return candidate.isAfter(asOf) ? candidate : null;
                }
                candidate = plus(candidate, Duration.ofMillis(1L << Math.min(step, 30)));
            }
            return null;
        }

        private String heldNote(Double score, int computedIndex, int heldIndex) {
            if (score == null) {
                return "";
            }
            String reached = " " + policy.method() + " gives " + scoreText(score, scale) + ", "
                    + (computedIndex < 0 ? "below the lowest level" : "level " + scale.levels().get(computedIndex).code());
            if (heldIndex == computedIndex) {
                return reached + ".";
            }
            return reached + "; held at " + (heldIndex < 0 ? "no level" : scale.levels().get(heldIndex).code())
                    + ", below the mastery level " + scale.masteryLevel().code() + ", until then.";
        }

        private String supersededNote() {
            if (tally.rating == null) {
                return "";
            }
            return " The manual rating by " + tally.rating.actorId() + " on " + day(tally.rating.occurredAt())
                    + " was superseded by newer evidence " + tally.supersededBy.evidenceId() + ".";
        }

        private String decayNote(double decayFactor) {
            if (decayFactor == 1.0) {
                return "";
            }
            return " Decayed by a factor of " + factorText(decayFactor) + " since the last evidence on " + day(tally.last)
                    + " (half-life " + policy.decayHalfLife() + ").";
        }
    }

    private static Instant plus(Instant instant, Duration duration) {
        // Duration.between would count the room in nanoseconds, overflow, and catch its own exception every time.
        Duration room = Duration.ofSeconds(Instant.MAX.getEpochSecond() - instant.getEpochSecond(),
                Instant.MAX.getNano() - instant.getNano());
        return duration.compareTo(room) >= 0 ? Instant.MAX : instant.plus(duration);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    private static String items(int count) {
        return count == 1 ? "1 item" : count + " items";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * A factor with three decimals, or as many more as it takes (up to six) not to read as 1 or 0 when it lies strictly
     * between them: a decay that took off 0.02 % is "0.9998", not "1.000"; beyond six decimals, "more than 0.999999"
     * or "less than 0.000001".
     */
    static String factorText(double factor) {
        boolean partial = factor > 0.0 && factor < 1.0;
        for (int digits = 3; digits <= 6; digits++) {
            String text = String.format(Locale.ROOT, "%." + digits + "f", factor);
            double shown = Double.parseDouble(text);
            if (!partial || shown > 0.0 && shown < 1.0) {
                return text;
            }
        }
        return factor > 0.5 ? "more than 0.999999" : "less than 0.000001";
    }

    /**
     * The score with three decimals, or with as many more as it takes for the text to reach the same level as the
     * score itself: 0.6996 is below a threshold of 0.7, and "0.700" would say otherwise.
     */
    static String scoreText(double score, ProficiencyScale scale) {
        int level = scale.indexFor(score);
        for (int digits = 3; digits < 17; digits++) {
            String text = String.format(Locale.ROOT, "%." + digits + "f", score);
            if (scale.indexFor(Double.parseDouble(text)) == level) {
                return text;
            }
        }
        return Double.toString(score);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
