package dev.competency.community.challenge.web;

import dev.competency.community.access.CommunityAccessPolicy;
import dev.competency.community.challenge.ChallengeTracker;
import dev.competency.community.challenge.domain.Goal;
import dev.competency.community.challenge.domain.Group;
import dev.competency.community.challenge.domain.Progress;
import dev.competency.community.challenge.domain.StartChallenge;
import dev.competency.community.challenge.query.Challenges;
import dev.competency.community.challenge.query.CompetencyScales;
import dev.competency.contracts.community.ChallengeEnded.Outcome;
import dev.competency.contracts.community.ChallengeGoal;
import dev.competency.contracts.community.ChallengeGroup;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.error.InvalidFields;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Group challenges: set by a team's manager or an admin, followed by the group's members, and compared between the
 * groups that put them on the leaderboard.
 */
@RestController
class ChallengeController {

    static final int ID_MAX = 128;
    static final int MAX_COMPETENCIES = 20;

    private final CommandGateway commands;
    private final Challenges challenges;
    private final CompetencyScales scales;
    private final ChallengeTracker tracker;
    private final CommunityAccessPolicy access;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final int minimumGroupSize;

    ChallengeController(CommandGateway commands, Challenges challenges, CompetencyScales scales,
                        ChallengeTracker tracker, CommunityAccessPolicy access, ReadYourWrites readYourWrites,
                        Clock clock, @Value("${community.leaderboard.minimum-group-size:5}") int minimumGroupSize) {
        this.commands = commands;
        this.challenges = challenges;
        this.scales = scales;
        this.tracker = tracker;
        this.access = access;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        this.minimumGroupSize = minimumGroupSize;
    }

    record NewChallenge(@NotBlank @Size(max = 200) @SingleLine String title,
                        @NotNull ChallengeGroup groupKind,
                        @NotBlank @Size(max = ID_MAX) @SingleLine String groupId,
                        @NotNull ChallengeGoal goal,
                        @NotEmpty @Size(max = MAX_COMPETENCIES) List<@NotBlank @Size(max = ID_MAX) String> competencyIds,
                        @Size(max = ID_MAX) String level,
                        @NotNull @Min(1) @Max(100_000) Integer target,
                        @NotNull Instant startsAt,
                        @NotNull Instant endsAt,
                        Boolean onLeaderboard) {
    }

    record Created(String challengeId) {
    }

    enum Status { UPCOMING, RUNNING, MET, MISSED }

    record ChallengeView(String challengeId, String title, ChallengeGroup groupKind, String groupId,
                         ChallengeGoal goal, List<String> competencyIds, String level, int target, Instant startsAt,
                         Instant endsAt, boolean onLeaderboard, Status status, int total,
                         List<Progress.Contribution> contributions, Instant decidedAt) {
    }

    record LeaderboardEntry(int rank, ChallengeGroup groupKind, String groupId, String challengeId, String title,
                            Status status, int total, int target, double share) {
    }

    /** @param hiddenGroups groups left out because they have fewer members than the minimum group size */
    record Leaderboard(List<LeaderboardEntry> entries, int hiddenGroups, int minimumGroupSize) {
    }

    @PostMapping("/api/community/challenges")
    @AllowedRoles({Role.MANAGER, Role.ADMIN})
    ResponseEntity<Created> start(@Valid @RequestBody NewChallenge request, Caller caller) {
        access.requireChallengeSetter(caller, request.groupKind(), request.groupId());
        Goal goal = goal(request);
        String challengeId = UUID.randomUUID().toString();
        Group group = new Group(request.groupKind(), request.groupId());
        boolean onLeaderboard = Boolean.TRUE.equals(request.onLeaderboard());
        readYourWrites.afterWrite(() -> commands.sendAndWait(new StartChallenge(challengeId, request.title(), group,
                goal, request.startsAt(), request.endsAt(), onLeaderboard, caller.subject(), clock.instant())));
        challenges.find(challengeId).ifPresent(entry -> tracker.settle(entry.definition()));
        return ResponseEntity.created(URI.create("/api/community/challenges/" + challengeId))
                .body(new Created(challengeId));
    }

    @GetMapping("/api/community/challenges/{challengeId}")
    ChallengeView challenge(@PathVariable @Size(max = ID_MAX) String challengeId, Caller caller) {
        Challenges.Entry entry = challenges.find(challengeId)
                .filter(found -> access.seesGroup(caller, found.group().kind(), found.group().id()))
                .orElseThrow(() -> new ResourceNotFound("No challenge " + challengeId));
        return view(current(entry));
    }

    @GetMapping("/api/community/challenges")
    List<ChallengeView> list(Caller caller) {
        return challenges.ofGroups(access.visibleGroups(caller)).stream().map(this::current).map(this::view)
                .toList();
    }

    @GetMapping("/api/community/leaderboard")
    Leaderboard leaderboard(Caller caller) {
        List<LeaderboardEntry> entries = new ArrayList<>();
        Map<Group, Boolean> hidden = new LinkedHashMap<>();
        for (Challenges.Entry entry : challenges.onLeaderboard()) {
            Challenges.Entry challenge = current(entry);
            Progress progress = tracker.progress(challenge.definition());
            if (progress.contributions().size() < minimumGroupSize) {
                hidden.put(challenge.group(), true);
                continue;
            }
            entries.add(new LeaderboardEntry(0, challenge.group().kind(), challenge.group().id(),
                    challenge.challengeId(), challenge.title(), status(challenge), progress.total(),
                    progress.target(), Math.min(1.0, (double) progress.total() / progress.target())));
        }
        entries.sort((a, b) -> Double.compare(b.share(), a.share()));
        List<LeaderboardEntry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LeaderboardEntry entry = entries.get(i);
            int rank = i > 0 && entries.get(i - 1).share() == entry.share() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new LeaderboardEntry(rank, entry.groupKind(), entry.groupId(), entry.challengeId(),
                    entry.title(), entry.status(), entry.total(), entry.target(), entry.share()));
        }
        return new Leaderboard(ranked, hidden.size(), minimumGroupSize);
    }

    /** The challenge as it stands, decided first when its end has passed unnoticed. */
    private Challenges.Entry current(Challenges.Entry entry) {
        if (tracker.decideIfEnded(entry)) {
            readYourWrites.awaitCurrent();
            return challenges.find(entry.challengeId()).orElse(entry);
        }
        return entry;
    }

    private ChallengeView view(Challenges.Entry entry) {
        Progress progress = tracker.progress(entry.definition());
        Goal goal = entry.goal();
        return new ChallengeView(entry.challengeId(), entry.title(), entry.group().kind(), entry.group().id(),
                goal.kind(), goal.competencyIds(), goal.level(), goal.target(), entry.startsAt(), entry.endsAt(),
                entry.onLeaderboard(), status(entry), progress.total(), progress.contributions(),
                entry.decidedAt());
    }

    private Status status(Challenges.Entry entry) {
        if (entry.outcome() != null) {
            return entry.outcome() == Outcome.MET ? Status.MET : Status.MISSED;
        }
        return clock.instant().isBefore(entry.startsAt()) ? Status.UPCOMING : Status.RUNNING;
    }

    /** The goal with each competency's scale, refusing competencies and levels no framework has published. */
    private Goal goal(NewChallenge request) {
        List<InvalidFields.Field> errors = new ArrayList<>();
        Map<String, List<String>> levels = new LinkedHashMap<>();
        List<String> competencyIds = request.competencyIds().stream().distinct().toList();
        for (int i = 0; i < request.competencyIds().size(); i++) {
            String competencyId = request.competencyIds().get(i);
            var scale = scales.find(new CompetencyId(competencyId));
            if (scale.isPresent()) {
                levels.put(competencyId, scale.get().levels());
            } else {
                errors.add(new InvalidFields.Field("competencyIds[" + i + "]",
                        "no published framework has this competency"));
            }
        }
        if (request.goal() == ChallengeGoal.MEMBERS_AT_LEVEL) {
            if (request.level() == null || request.level().isBlank()) {
                errors.add(new InvalidFields.Field("level", "is required for a goal of members at a level"));
            } else if (levels.values().stream().anyMatch(codes -> !codes.contains(request.level()))) {
                errors.add(new InvalidFields.Field("level", "is not a level of every competency's scale"));
            }
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            errors.add(new InvalidFields.Field("endsAt", "must be after startsAt"));
        } else if (!request.endsAt().isAfter(clock.instant())) {
            errors.add(new InvalidFields.Field("endsAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return new Goal(request.goal(), competencyIds,
                request.goal() == ChallengeGoal.MEMBERS_AT_LEVEL ? request.level() : null, levels, request.target());
    }
}
