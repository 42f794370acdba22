package dev.competency.learners.learner.web;

import dev.competency.learners.mastery.DecidingRule;
import dev.competency.learners.mastery.Explanation;
import java.util.ArrayList;
import java.util.List;

/**
 * An explanation as the API shows it: the fold's {@link Explanation} with at most {@value #MAX_ITEMS} contributions
 * and {@value #MAX_ITEMS} exclusions, so that an answer stays small however long a learner's history is. Each list
 * keeps its newest items, in fold order; the contributions also keep, first, the newest item of greatest effective
 * weight when it is older than those (under HIGHEST, the item that gave the score). {@code omittedContributions} and
 * {@code omittedExclusions} count the older items left out, 0 when a list is whole; the evidence timeline
 * ({@code GET /api/learners/{id}/evidence}) pages through every item.
 */
public record ExplanationView(DecidingRule rule, String summary, List<Explanation.Contribution> contributions,
                              List<Explanation.Exclusion> exclusions, Double computedScore, double decayFactor,
                              int omittedContributions, int omittedExclusions) {

    static final int MAX_ITEMS = 100;

    public static ExplanationView of(Explanation explanation) {
        if (explanation == null) {
            return null;
        }
        List<Explanation.Contribution> contributions = newestContributions(explanation.contributions());
        List<Explanation.Exclusion> exclusions = newest(explanation.exclusions());
        return new ExplanationView(explanation.rule(), explanation.summary(), contributions, exclusions,
                explanation.computedScore(), explanation.decayFactor(),
                explanation.contributions().size() - contributions.size(),
                explanation.exclusions().size() - exclusions.size());
    }

    private static <T> List<T> newest(List<T> items) {
        return items.size() <= MAX_ITEMS ? items : items.subList(items.size() - MAX_ITEMS, items.size());
    }

    private static List<Explanation.Contribution> newestContributions(List<Explanation.Contribution> items) {
        List<Explanation.Contribution> newest = newest(items);
        if (newest.size() == items.size()) {
            return items;
        }
        int heaviest = 0;
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i).effectiveWeight() >= items.get(heaviest).effectiveWeight()) {
                heaviest = i;
            }
        }
        if (heaviest >= items.size() - MAX_ITEMS) {
            return newest;
        }
        List<Explanation.Contribution> kept = new ArrayList<>(MAX_ITEMS + 1);
        kept.add(items.get(heaviest));
        kept.addAll(newest);
        return List.copyOf(kept);
    }
}
