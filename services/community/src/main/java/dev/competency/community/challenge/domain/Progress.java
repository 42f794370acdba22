package dev.competency.community.challenge.domain;

import java.util.List;

/**
 * Where a group stands: each member's part and the total, against the target.
 *
 * @param contributions one per member, ordered by learner id
 */
public record Progress(int total, int target, List<Contribution> contributions) {

    public Progress {
        contributions = List.copyOf(contributions);
    }

    public boolean goalReached() {
        return total >= target;
    }

    public record Contribution(String learnerId, int count) {
    }
}
