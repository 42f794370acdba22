package dev.competency.frameworks.framework.domain;

import dev.competency.contracts.frameworks.FrameworkPublished.RollUpType;
import java.util.List;

/**
 * @param pointsTarget     for {@link RollUpType#POINTS}: the sum of the children's scores a parent needs
 * @param requiredChildren codes of children that must be mastered regardless of points
 */
public record RollUp(RollUpType type, Double pointsTarget, List<String> requiredChildren) {

    public RollUp {
        requiredChildren = requiredChildren == null ? List.of() : List.copyOf(requiredChildren);
    }
}
