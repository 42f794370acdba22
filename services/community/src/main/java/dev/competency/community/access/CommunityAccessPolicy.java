package dev.competency.community.access;

import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.contracts.Topics;
import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.security.AccessDenied;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.security.Role;
import dev.competency.platform.service.web.ResourceNotFound;
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
        if (caller.isAdmin()) {
            return true;
        }
        return caller.has(Role.MANAGER) && unitOf(caller).filter(own -> own.equals(unit)).isPresent();
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

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDenied("Only admins rebuild read models");
        }
    }
}
