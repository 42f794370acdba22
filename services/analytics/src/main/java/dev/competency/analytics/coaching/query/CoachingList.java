package dev.competency.analytics.coaching.query;

import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.readiness.query.RoleFit;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.Catalogue;
import dev.competency.analytics.state.EvidenceLog;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.analytics.state.MasteryCell;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * People a manager may want to talk to, each with a reason in words:
 * <ul>
 * <li>STALLED: evidence on a competency in the last {@code stalledWeeks} weeks, and the level now is no higher than
 * it was when that window began;</li>
 * <li>EXPIRING: mastered, and the {@code expiresAt} of the latest {@code mastery.changed} falls in the next
 * {@code expiringDays} days;</li>
 * <li>CLOSE_TO_READY: CLOSE to their role profile (met weight at least {@code closeThreshold}, not every
 * requirement met).</li>
 * </ul>
 */
public final class CoachingList {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CoachingList() {
    }

    public enum Kind { STALLED, EXPIRING, CLOSE_TO_READY }

    public record Question(String unit, String teamId, int stalledWeeks, int expiringDays, double closeThreshold) {
    }

    public record Answer(List<Entry> entries) {
    }

    public record Entry(String learnerId, String teamId, Kind kind, String competencyId,
                        String roleProfileId, String reason, Instant since, Instant expiresAt) {
    }

    public static Answer answer(AnalyticsState state, Viewer viewer, Question question, Instant now) {
        long since = now.minus(Duration.ofDays(7L * question.stalledWeeks())).toEpochMilli();
        long horizon = now.plus(Duration.ofDays(question.expiringDays())).toEpochMilli();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < state.learnerSlots(); i++) {
            LearnerRecord learner = state.learner(i);
            if (learner == null || learner.erased()) {
                continue;
            }
            String team = state.team(learner.teamIndex());
            if (!viewer.seesPeopleOf(team)
                    || question.unit() != null && !question.unit().equals(state.unit(learner.unitIndex()))
                    || question.teamId() != null && !question.teamId().equals(team)) {
                continue;
            }
            stalled(state, learner, team, since, entries);
            expiring(state, learner, team, now.toEpochMilli(), horizon, entries);
            closeToReady(state, learner, team, question.closeThreshold(), entries);
        }
        entries.sort(Comparator.comparing(Entry::teamId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Entry::learnerId).thenComparing(Entry::kind)
                .thenComparing(Entry::competencyId, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Answer(entries);
    }

    private static void stalled(AnalyticsState state, LearnerRecord learner, String team, long since,
                                List<Entry> entries) {
        EvidenceLog evidence = learner.evidence();
        if (evidence == null) {
            return;
        }
        int[] recent = new int[state.competencySlots()];
        for (int e = 0; e < evidence.size(); e++) {
            if (!evidence.voided(e) && evidence.occurredAt(e) >= since) {
                recent[evidence.competency(e)]++;
            }
        }
        for (int c = 0; c < recent.length; c++) {
            if (recent[c] == 0) {
                continue;
            }
            String competencyId = state.competencyId(c);
            MasteryCell cell = learner.cell(c);
            int now = cell == null ? -1 : cell.current();
            int then = cell == null ? -1 : cell.at(since - 1);
            String levelNow = now < 0 ? null : state.levelCode(cell.level(now));
            String levelThen = then < 0 ? null : state.levelCode(cell.level(then));
            if (rose(state, cell, now, levelThen, levelNow, competencyId)) {
                continue;
            }
            String pieces = recent[c] == 1 ? "1 piece of evidence" : recent[c] + " pieces of evidence";
            String outcome = levelNow == null ? "no level has been reached yet"
                    : levelNow.equals(levelThen) ? "the level stayed " + levelNow
                    : "the level went from " + (levelThen == null ? "none" : levelThen) + " to " + levelNow;
            entries.add(new Entry(learner.learnerId(), team, Kind.STALLED, competencyId, null,
                    pieces + " on " + code(state, competencyId) + " since " + DAY.format(Instant.ofEpochMilli(since))
                            + " and " + outcome, Instant.ofEpochMilli(since), null));
        }
    }

    private static boolean rose(AnalyticsState state, MasteryCell cell, int now, String levelThen, String levelNow,
                                String competencyId) {
        if (levelNow == null) {
            return false;
        }
        if (levelThen == null) {
            return true;
        }
        Catalogue.Scale scale = state.catalogue().scale(state.frameworkId(cell.frameworkIndex()),
                cell.frameworkVersion(now), competencyId);
        if (scale == null || scale.rank(levelNow) < 0 || scale.rank(levelThen) < 0) {
            return !levelNow.equals(levelThen);
        }
        return scale.rank(levelNow) > scale.rank(levelThen);
    }

    private static void expiring(AnalyticsState state, LearnerRecord learner, String team, long now, long horizon,
                                 List<Entry> entries) {
        for (int c = 0; c < learner.cellSlots(); c++) {
            MasteryCell cell = learner.cell(c);
            if (cell == null || cell.lastFolded() < 0) {
                continue;
            }
            int latest = cell.lastFolded();
            long expiresAt = cell.expiresAt(latest);
            if (!cell.mastered(latest) || expiresAt == Long.MIN_VALUE || expiresAt < now || expiresAt > horizon) {
                continue;
            }
            String competencyId = state.competencyId(c);
            Instant expiry = Instant.ofEpochMilli(expiresAt);
            entries.add(new Entry(learner.learnerId(), team, Kind.EXPIRING, competencyId, null,
                    "mastery of " + code(state, competencyId) + " expires on " + DAY.format(expiry)
                            + " unless new evidence renews it", null, expiry));
        }
    }

    private static void closeToReady(AnalyticsState state, LearnerRecord learner, String team, double threshold,
                                     List<Entry> entries) {
        if (learner.roleProfileIndex() < 0) {
            return;
        }
        RoleProfilePublished profile = state.catalogue().roleProfile(state.roleProfileId(learner.roleProfileIndex()),
                learner.roleProfileVersion());
        if (profile == null) {
            return;
        }
        RoleFit.Fit fit = RoleFit.of(state, learner, profile, threshold);
        if (fit.status() != RoleFit.Status.CLOSE) {
            return;
        }
        List<String> missing = fit.unmet().stream().map(unmet -> code(state, unmet.competencyId()) + " ("
                + (unmet.level() == null ? "no level" : unmet.level()) + ", needs " + unmet.targetLevel() + ")")
                .toList();
        entries.add(new Entry(learner.learnerId(), team, Kind.CLOSE_TO_READY, null,
                profile.roleProfileId(), String.format(Locale.ROOT, "meets %d%% of %s by weight; missing %s",
                Math.round(fit.metWeight() * 100), profile.title(), String.join(", ", missing)), null, null));
    }

    private static String code(AnalyticsState state, String competencyId) {
        Catalogue.FrameworkVersion version = state.catalogue().latestContaining(competencyId);
        FrameworkPublished.Competency competency = version == null ? null : version.competencies().get(competencyId);
        return competency == null ? competencyId : competency.code();
    }
}
