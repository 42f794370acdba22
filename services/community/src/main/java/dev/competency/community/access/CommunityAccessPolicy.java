package dev.competency.community.access;

import dev.competency.community.challenge.domain.Group;
import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.contracts.community.ChallengeGroup;
import dev.competency.contracts.Topics;
import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every access rule of the community service, in one place.
 *
 * <ul>
 *   <li>A person's organisation unit is the one {@code competency.learners.v1} gives them ({@code learner.registered});
 *       people the stream does not know (managers, assessors, authors who are not learners) are placed by their
 *       token's {@code org_unit} claim. A learner the stream has not brought yet is awaited briefly.</li>
 *   <li>Discussions belong to the unit of the person who started them: people of the unit read and write them, admins
 *       read and moderate all. To anyone else a discussion does not exist (404, never 403).</li>
 *   <li>Moderators of a unit are its managers (role MANAGER in that unit) and admins: they hide posts and mark answers.
 *       Anyone who reads a discussion may report a post.</li>
 *   <li>Mentions name people of the writer's own unit only.</li>
 *   <li>Managers set challenges for the teams they manage (the token's {@code managed_teams}), admins for any team
 *       or unit. A group's challenges are seen by its members, its managers and admins; to anyone else they do not
 *       exist.</li>
 * </ul>
 */
@Component
public class CommunityAccessPolicy {

    static final StreamArrivals.Stream LEARNERS = new StreamArrivals.Stream(PeopleDirectory.CONSUMER, Topics.LEARNERS);

    private final PeopleDirectory people;
    private final StreamArrivals arrivals;

    public CommunityAccessPolicy(PeopleDirectory people, StreamArrivals arrivals) {
        this.people = people;
        this.arrivals = arrivals;
    }

    /** The caller's organisation unit, from the learners stream or, for people not on it, the token. */
    public Optional<String> unitOf(Caller caller) {
        Optional<String> known = people.organisationUnit(caller.subject());
        if (known.isPresent()) {
            return known;
        }
        if (caller.has(Role.LEARNER) && caller.organisationUnit() == null) {
            return arrivals.await(LEARNERS, "Learner " + caller.subject(),
                    () -> people.organisationUnit(caller.subject()));
        }
        return Optional.ofNullable(caller.organisationUnit());
    }

    /** The unit the caller writes in; refused when the caller belongs to none. */
    public String requireUnit(Caller caller) {
        return unitOf(caller).orElseThrow(() ->
                new AccessDenied("Discussions belong to an organisation unit, and you belong to none"));
    }

    /** Whether the caller reads and writes the discussions of {@code unit}. */
    public boolean reads(Caller caller, String unit) {
        return caller.isAdmin() || unitOf(caller).filter(own -> own.equals(unit)).isPresent();
    }

    /** A discussion of another unit is answered as not found, so that its id tells nothing. */
    public void requireReader(Caller caller, String unit, String discussionId) {
        if (!reads(caller, unit)) {
            throw new ResourceNotFound("No discussion " + discussionId);
        }
    }

    /** Managers of the unit and admins moderate its discussions. */
    public boolean moderates(Caller caller, String unit) {
        return caller.isAdmin() || caller.has(Role.MANAGER) && reads(caller, unit);
    }

    public void requireModerator(Caller caller, String unit) {
        if (!moderates(caller, unit)) {
            throw new AccessDenied("Only the unit's managers and admins moderate its discussions");
        }
    }

    /**
     * Whether {@code learnerId} may be mentioned by someone writing in {@code unit}: a person the learners stream knows
     * in that unit. Someone the stream has not brought yet is looked for until the stream is read to its end.
     */
    public boolean mentionable(String learnerId, String unit) {
        return arrivals.find(LEARNERS, "Person " + learnerId, () -> people.organisationUnit(learnerId))
                .filter(own -> Objects.equals(own, unit)).isPresent();
    }

    /** Managers set challenges for the teams they manage; admins for any team or unit. */
    public void requireChallengeSetter(Caller caller, ChallengeGroup kind, String groupId) {
        boolean managesTeam = kind == ChallengeGroup.TEAM && caller.has(Role.MANAGER) && caller.manages(groupId);
        if (!caller.isAdmin() && !managesTeam) {
            throw new AccessDenied(kind == ChallengeGroup.TEAM
                    ? "Managers set challenges only for the teams they manage"
                    : "Only admins set challenges for a whole organisation unit");
        }
    }

    /**
     * Whether the caller sees a group's challenges: its members (by the learners stream), the team's managers, the
     * unit's managers and admins.
     */
    public boolean seesGroup(Caller caller, ChallengeGroup kind, String groupId) {
        if (caller.isAdmin()) {
            return true;
        }
        if (kind == ChallengeGroup.TEAM) {
            return (caller.has(Role.MANAGER) && caller.manages(groupId)) || people.find(caller.subject())
                    .map(PeopleDirectory.Person::teamId).filter(groupId::equals).isPresent();
        }
        return unitOf(caller).filter(groupId::equals).isPresent();
    }

    /** The groups whose challenges the caller sees; null for all (admins). */
    public List<Group> visibleGroups(Caller caller) {
        if (caller.isAdmin()) {
            return null;
        }
        List<Group> groups = new ArrayList<>();
        caller.managedTeams().forEach(team -> groups.add(new Group(ChallengeGroup.TEAM, team)));
        people.find(caller.subject()).map(PeopleDirectory.Person::teamId)
                .ifPresent(team -> groups.add(new Group(ChallengeGroup.TEAM, team)));
        unitOf(caller).ifPresent(unit -> groups.add(new Group(ChallengeGroup.UNIT, unit)));
        return groups;
    }
}
