package dev.competency.analytics.capability.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TeamCapabilityTest {

    @Test
    void countsRatedAndMasteredMembersPerCompetency_withMeanScoreAndLevels() {
        List<Document> cells = List.of(
                cell("l1", "api", "PROFICIENT", 0.8, true),
                cell("l2", "api", "PROFICIENT", 0.7, true),
                cell("l3", "api", "NOVICE", 0.3, false),
                cell("l1", "sql", "NOVICE", 0.2, false));

        TeamCapability.Report report = TeamCapability.summarise("team-1", 4, cells, 0);

        assertThat(report.memberCount()).isEqualTo(4);
        TeamCapability.Competency api = report.competencies().get(0);
        assertThat(api.competencyId()).isEqualTo("api");
        assertThat(api.rated()).isEqualTo(3);
        assertThat(api.mastered()).isEqualTo(2);
        assertThat(api.masteredShare()).isEqualTo(2.0 / 3);
        assertThat(api.averageScore()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(api.levels()).isEqualTo(Map.of("PROFICIENT", 2L, "NOVICE", 1L));
        assertThat(report.competencies().get(1).rated()).isEqualTo(1);
    }

    @Test
    void hidesCountsOfCompetenciesRatedForFewerLearnersThanMinimumGroup() {
        List<Document> cells = new ArrayList<>(List.of(
                cell("l1", "api", "PROFICIENT", 0.8, true),
                cell("l2", "api", "NOVICE", 0.4, false),
                cell("l3", "api", "NOVICE", 0.3, false),
                cell("l1", "sql", "EXPERT", 1.0, true)));

        TeamCapability.Report report = TeamCapability.summarise("team-1", 3, cells, 3);

        assertThat(report.competencies().get(0).suppressed()).isFalse();
        assertThat(report.competencies().get(0).rated()).isEqualTo(3);
        TeamCapability.Competency sql = report.competencies().get(1);
        assertThat(sql.suppressed()).isTrue();
        assertThat(sql.rated()).isNull();
        assertThat(sql.mastered()).isNull();
        assertThat(sql.levels()).isEmpty();
    }

    @Test
    void leavesAverageEmpty_whenNoCellHasScore() {
        Document unscored = cell("l1", "api", "NOVICE", 0, false);
        unscored.remove("score");

        TeamCapability.Report report = TeamCapability.summarise("team-1", 1, List.of(unscored), 0);

        assertThat(report.competencies().get(0).averageScore()).isNull();
    }

    private static Document cell(String learnerId, String competencyId, String level, double score, boolean mastered) {
        return new Document("_id", learnerId + ":" + competencyId).append("learnerId", learnerId)
                .append("competencyId", competencyId).append("frameworkId", "fw").append("frameworkVersion", 1)
                .append("level", level).append("score", score).append("mastered", mastered);
    }
}
