package dev.competency.frameworks.framework.domain;

import dev.competency.contracts.frameworks.MethodType;

/** A mastery method with its parameters; only those of the chosen type are meaningful. */
public record Method(MethodType type, Integer n, Double weight, Double decay, BktParameters bkt) {
}
