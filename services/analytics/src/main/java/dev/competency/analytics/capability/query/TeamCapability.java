package dev.competency.analytics.capability.query;

import dev.competency.analytics.learners.query.LearnerDirectory;
import dev.competency.analytics.mastery.query.CurrentMastery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A team's capability per competency: how many members have a rating, how many have mastered it, the mean score
 * and how the levels are spread. Only counts leave this class, never a learner id.
 */
@Component
public class TeamCapability {

    private final LearnerDirectory directory;
    private final CurrentMastery mastery;
    private final int minimumGroupSize;

    public TeamCapability(LearnerDirectory directory, CurrentMastery mastery,
                          @Value("${analytics.minimum-group-size:3}") int minimumGroupSize) {
        this.directory = directory;
        this.mastery = mastery;
        this.minimumGroupSize = minimumGroupSize;
    }

    public Report of(String teamId, boolean suppressSmallGroups) {
        List<String> members = directory.membersOf(teamId);
        List<Document> cells = members.isEmpty() ? List.of() : mastery.ofLearners(members);
        return summarise(teamId, members.size(), cells, suppressSmallGroups ? minimumGroupSize : 0);
    }

    /**
     * Aggregates mastery cells of one team. A competency rated for fewer than {@code minimumGroupSize} learners is
     * reported as suppressed, without counts, so nobody can be singled out from it.
     */
    static Report summarise(String teamId, int memberCount, List<Document> cells, int minimumGroupSize) {
        Map<String, List<Document>> byCompetency = new TreeMap<>();
        for (Document cell : cells) {
            byCompetency.computeIfAbsent(cell.getString("competencyId"), id -> new ArrayList<>()).add(cell);
        }
        List<Competency> competencies = new ArrayList<>();
        byCompetency.forEach((competencyId, rated) -> competencies.add(rated.size() < minimumGroupSize
                ? Competency.suppressed(competencyId, rated.get(0).getString("frameworkId"))
                : competency(competencyId, rated)));
        competencies.sort(Comparator.comparing(Competency::competencyId));
        return new Report(teamId, memberCount, minimumGroupSize, competencies);
    }

    private static Competency competency(String competencyId, List<Document> rated) {
        long mastered = rated.stream().filter(cell -> Boolean.TRUE.equals(cell.getBoolean("mastered"))).count();
        double scoreSum = 0;
        int scored = 0;
        Map<String, Long> levels = new LinkedHashMap<>();
        for (Document cell : rated) {
            Number score = cell.get("score", Number.class);
            if (score != null) {
                scoreSum += score.doubleValue();
                scored++;
            }
            String level = cell.getString("level");
            levels.merge(level == null ? "NONE" : level, 1L, Long::sum);
        }
        return new Competency(competencyId, rated.get(0).getString("frameworkId"), false, rated.size(), mastered,
                (double) mastered / rated.size(), scored == 0 ? null : scoreSum / scored, levels);
    }

    /**
     * @param minimumGroupSize the smallest group whose counts are shown (0: none suppressed)
     */
    public record Report(String teamId, int memberCount, int minimumGroupSize, List<Competency> competencies) {
    }

    /**
     * @param rated members with a mastery rating on the competency (null when suppressed)
     * @param mastered of those, how many have mastered it
     * @param averageScore mean score of those with a score
     * @param levels how many are at each level
     */
    public record Competency(String competencyId, String frameworkId, boolean suppressed, Integer rated,
                             Long mastered, Double masteredShare, Double averageScore, Map<String, Long> levels) {

        static Competency suppressed(String competencyId, String frameworkId) {
            return new Competency(competencyId, frameworkId, true, null, null, null, null, Map.of());
        }
    }
}
