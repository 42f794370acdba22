package dev.competency.analytics.capability.query;

import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.analytics.state.MasteryCell;
import dev.competency.analytics.state.ScoreSum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One team's capability per competency (the kept {@code GET /teams/{teamId}/capability}): members rated, mastered,
 * the mean score and the levels. For callers who get suppression, a team under the minimum shows no counts, and a
 * competency rated for fewer than the minimum is suppressed.
 */
public final class TeamCapability {

    private TeamCapability() {
    }

    /** @param memberCount null when the team is suppressed */
    public record Report(String teamId, Integer memberCount, int minimumGroupSize, List<Competency> competencies) {
    }

    public record Competency(String competencyId, String frameworkId, boolean suppressed, Integer rated,
                             Long mastered, Double masteredShare, Double averageScore, Map<String, Long> levels) {
    }

    public static Report of(AnalyticsState state, Viewer viewer, String teamId) {
        int team = state.teamIndex(teamId);
        List<LearnerRecord> members = new ArrayList<>();
        for (int i = 0; team >= 0 && i < state.learnerSlots(); i++) {
            LearnerRecord learner = state.learner(i);
            if (learner != null && !learner.erased() && learner.teamIndex() == team) {
                members.add(learner);
            }
        }
        if (viewer.tooSmall(members.size())) {
            return new Report(teamId, null, viewer.shownMinimum(), List.of());
        }
        Map<Integer, List<long[]>> byCompetency = new TreeMap<>();
        Map<Integer, MasteryCell> anyCell = new TreeMap<>();
        for (LearnerRecord learner : members) {
            for (int c = 0; c < learner.cellSlots(); c++) {
                MasteryCell cell = learner.cell(c);
                int entry = cell == null ? -1 : cell.current();
                if (entry < 0) {
                    continue;
                }
                anyCell.putIfAbsent(c, cell);
                byCompetency.computeIfAbsent(c, k -> new ArrayList<>()).add(new long[] {
                        cell.mastered(entry) ? 1 : 0, cell.level(entry), Double.doubleToRawLongBits(cell.score(entry))});
            }
        }
        List<Competency> competencies = new ArrayList<>();
        byCompetency.forEach((c, rated) -> {
            String frameworkId = state.frameworkId(anyCell.get(c).frameworkIndex());
            if (viewer.tooSmall(rated.size())) {
                competencies.add(new Competency(state.competencyId(c), frameworkId, true, null, null, null, null,
                        Map.of()));
                return;
            }
            long mastered = 0;
            long scoreSum = 0;
            int scored = 0;
            Map<String, Long> levels = new LinkedHashMap<>();
            for (long[] cell : rated) {
                mastered += cell[0];
                double score = Double.longBitsToDouble(cell[2]);
                if (!Double.isNaN(score)) {
                    scoreSum += ScoreSum.units(score);
                    scored++;
                }
                String level = state.levelCode((int) cell[1]);
                levels.merge(level == null ? "NONE" : level, 1L, Long::sum);
            }
            competencies.add(new Competency(state.competencyId(c), frameworkId, false, rated.size(), mastered,
                    (double) mastered / rated.size(), scored == 0 ? null : ScoreSum.mean(scoreSum, scored), levels));
        });
        competencies.sort((a, b) -> a.competencyId().compareTo(b.competencyId()));
        return new Report(teamId, members.size(), viewer.shownMinimum(), competencies);
    }
}
