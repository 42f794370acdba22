package dev.competency.learners.learner.web;

import dev.competency.learners.access.LearnerAccessPolicy;
import dev.competency.learners.learner.domain.AssignRole;
import dev.competency.learners.learner.domain.ChangeTeam;
import dev.competency.learners.learner.domain.EraseLearner;
import dev.competency.learners.learner.domain.RegisterLearner;
import dev.competency.learners.learner.query.CurrentMastery;
import dev.competency.learners.learner.query.EvidenceTimeline;
import dev.competency.learners.learner.query.GapAnalysis;
import dev.competency.learners.learner.query.LearnerProfiles;
import dev.competency.learners.learner.query.MasteryQueries;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.security.AllowedRoles;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import dev.competency.platform.service.web.SingleLine;
import dev.competency.platform.service.web.ValidLearnerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Learners: registration, role and team (admins), and what a learner's record says (owner, manager, admin). A new
 * learner's id must have the syntax of {@link ValidLearnerId}; the ids of the other requests are looked up as they
 * are, so that a learner registered under an older rule can still be read and erased. An admin's change is answered
 * once the read models show it ({@link ReadYourWrites}), so that a read right after it sees it.
 */
@RestController
@RequestMapping("/api/learners")
class LearnerController {

    private static final int MAX_PAGE = 1_000;
    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int ID_MAX = 128;

    private final CommandGateway commands;
    private final LearnerAccessPolicy access;
    private final LearnerProfiles profiles;
    private final CurrentMastery currentMastery;
    private final EvidenceTimeline timeline;
    private final MasteryQueries mastery;
    private final GapAnalysis gaps;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    LearnerController(CommandGateway commands, LearnerAccessPolicy access, LearnerProfiles profiles,
                      CurrentMastery currentMastery, EvidenceTimeline timeline, MasteryQueries mastery,
                      GapAnalysis gaps, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.profiles = profiles;
        this.currentMastery = currentMastery;
        this.timeline = timeline;
        this.mastery = mastery;
        this.gaps = gaps;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles(Role.ADMIN)
    LearnerRef register(@Valid @RequestBody RegistrationRequest request, Caller caller) {
        access.requireAdmin(caller);
        write(new RegisterLearner(request.learnerId(), request.displayName(), request.email(),
                request.organisationUnit()));
        return new LearnerRef(request.learnerId());
    }

    @PutMapping("/{learnerId}/role")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AllowedRoles(Role.ADMIN)
    void assignRole(@PathVariable String learnerId, @Valid @RequestBody RoleRequest request, Caller caller) {
        access.requireAdmin(caller);
        write(new AssignRole(learnerId, request.roleProfileId(), request.roleProfileVersion()));
    }

    @PutMapping("/{learnerId}/team")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AllowedRoles(Role.ADMIN)
    void changeTeam(@PathVariable String learnerId, @Valid @RequestBody TeamRequest request, Caller caller) {
        access.requireAdmin(caller);
        write(new ChangeTeam(learnerId, request.teamId(), request.managerId()));
    }

    /**
     * Erases the learner: profile, mastery and timeline are dropped from the read models and {@code learner.erased}
     * tells every other service to drop theirs. Erasing twice is fine; an unknown learner is 404.
     */
    @DeleteMapping("/{learnerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable String learnerId, Caller caller) {
        access.requireAdmin(caller);
        write(new EraseLearner(learnerId, caller.subject()));
    }

    @GetMapping("/{learnerId}")
    ProfileView profile(@PathVariable String learnerId, Caller caller) {
        access.requireCanRead(caller, learnerId);
        LearnerProfiles.Profile profile = profiles.find(learnerId)
                .orElseThrow(() -> new ResourceNotFound("No learner " + learnerId));
        return new ProfileView(profile, currentMastery.effectiveOf(learnerId));
    }

    /** Mastery per competency with its explanation, as of a valid time and known at a record time (both default now). */
    @GetMapping("/{learnerId}/mastery")
    List<MasteryView> mastery(@PathVariable String learnerId, @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String knownAt, Caller caller) {
        access.requireCanRead(caller, learnerId);
        Instant now = clock.instant();
        return mastery.masteryOf(learnerId, instant(asOf, "asOf", now), instant(knownAt, "knownAt", now)).stream()
                .map(LearnerController::view).toList();
    }

    @GetMapping("/{learnerId}/mastery/{competencyId}")
    MasteryView masteryOf(@PathVariable String learnerId, @PathVariable String competencyId,
                          @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                          Caller caller) {
        access.requireCanRead(caller, learnerId);
        Instant now = clock.instant();
        return mastery.masteryOf(learnerId, competencyId, instant(asOf, "asOf", now), instant(knownAt, "knownAt", now))
                .map(LearnerController::view)
                .orElseThrow(() -> new ResourceNotFound("No evidence of learner " + learnerId + " on competency "
                        + competencyId));
    }

    /**
     * The evidence timeline in fold order, a page at a time: {@code offset} entries skipped, at most {@code limit}
     * (1 to 1,000, default 200) returned. {@code X-Total-Count} gives the whole length and a {@code Link} header
     * with {@code rel="next"} the following page while there is one.
     */
    @GetMapping("/{learnerId}/evidence")
    ResponseEntity<List<EvidenceTimeline.Entry>> evidence(@PathVariable String learnerId,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "200") int limit,
            Caller caller) {
        access.requireCanRead(caller, learnerId);
        if (offset < 0) {
            throw Refusal.invalid("offset must not be negative but was " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw Refusal.invalid("limit must be between 1 and " + MAX_PAGE + " but was " + limit);
        }
        List<EvidenceTimeline.Entry> all = timeline.of(learnerId);
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Integer.toString(all.size()));
        if (to < all.size()) {
            response.header(HttpHeaders.LINK, "</api/learners/" + UriUtils.encodePathSegment(learnerId,
                    StandardCharsets.UTF_8) + "/evidence?offset=" + to + "&limit=" + limit + ">; rel=\"next\"");
        }
        return response.body(all.subList(from, to));
    }

    @GetMapping("/{learnerId}/gaps")
    GapAnalysis.GapReport gaps(@PathVariable String learnerId, @RequestParam(required = false) String asOf,
            Caller caller) {
        access.requireCanRead(caller, learnerId);
        return gaps.gaps(learnerId, instant(asOf, "asOf", clock.instant()));
    }

    @GetMapping("/{learnerId}/recommendations")
    List<GapAnalysis.NextStep> recommendations(@PathVariable String learnerId, Caller caller) {
        access.requireCanRead(caller, learnerId);
        return gaps.recommendations(learnerId, clock.instant());
    }

    /** Sends an admin's command, and answers once the read models show what it stored (a read right after sees it). */
    private void write(Object command) {
        readYourWrites.afterWrite(() -> commands.sendAndWait(command));
    }

    private static MasteryView view(MasteryQueries.CompetencyMastery m) {
        if (m.rollup() != null) {
            return MasteryView.rolledUp(m.frameworkId(), m.frameworkVersion(), m.rollup(), m.rollupExplanation(),
                    m.afterAsOf(), m.notYetKnown());
        }
        return m.result() == null ? MasteryView.pending(m.competencyId(), m.frameworkId(), m.frameworkVersion())
                : MasteryView.of(m.frameworkId(), m.frameworkVersion(), m.result(), m.afterAsOf(), m.notYetKnown());
    }

    private static Instant instant(String text, String name, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name + " must be an ISO-8601 instant such as 2025-03-10T13:42:17Z");
        }
    }

    /** The learner's id is the subject their identity provider gives them. */
    record RegistrationRequest(@NotNull @ValidLearnerId String learnerId,
                               @NotBlank @Size(max = NAME_MAX) @SingleLine String displayName,
                               @Size(max = EMAIL_MAX) @SingleLine String email,
                               @Size(max = ID_MAX) @SingleLine String organisationUnit) {
    }

    record RoleRequest(@NotBlank @Size(max = ID_MAX) @SingleLine String roleProfileId,
                       @Min(1) Integer roleProfileVersion) {
    }

    /** {@code teamId} null takes the learner out of any team; the manager is a person, so has a learner id. */
    record TeamRequest(@Size(max = ID_MAX) @SingleLine String teamId, @ValidLearnerId String managerId) {
    }

    record LearnerRef(String learnerId) {
    }

    record ProfileView(LearnerProfiles.Profile profile, List<CurrentMastery.Entry> mastery) {
    }
}
