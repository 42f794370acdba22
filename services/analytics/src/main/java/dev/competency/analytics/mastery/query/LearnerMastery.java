package dev.competency.analytics.mastery.query;

import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.analytics.state.MasteryCell;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The current mastery cells of one learner (the kept {@code GET /learners/{id}/mastery}): personal data. */
public final class LearnerMastery {

    private LearnerMastery() {
    }

    /** @param rolledUp the cell is a parent's roll-up from its children (no score) */
    public record Cell(String competencyId, String frameworkId, Integer frameworkVersion, String level, Double score,
                       Boolean mastered, boolean rolledUp, Instant changedAt) {
    }

    public static List<Cell> of(AnalyticsState state, String learnerId) {
        LearnerRecord learner = state.learner(learnerId);
        List<Cell> cells = new ArrayList<>();
        if (learner == null) {
            return cells;
        }
        for (int c = 0; c < learner.cellSlots(); c++) {
            MasteryCell cell = learner.cell(c);
            int entry = cell == null ? -1 : cell.current();
            if (entry < 0) {
                continue;
            }
            double score = cell.score(entry);
            cells.add(new Cell(state.competencyId(c), state.frameworkId(cell.frameworkIndex()),
                    cell.frameworkVersion(entry), state.levelCode(cell.level(entry)), Double.isNaN(score) ? null : score,
                    cell.mastered(entry), cell.kind(entry) == MasteryCell.ROLLUP, Instant.ofEpochMilli(cell.changedAt(entry))));
        }
        cells.sort((a, b) -> a.competencyId().compareTo(b.competencyId()));
        return cells;
    }
}
