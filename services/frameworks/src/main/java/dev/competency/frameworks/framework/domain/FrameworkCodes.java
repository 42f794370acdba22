package dev.competency.frameworks.framework.domain;

/**
 * Which framework codes are taken. Codes are unique in the organisation (one per deployment), so that a lookup by
 * code finds one framework; a retired framework keeps its code.
 */
@FunctionalInterface
public interface FrameworkCodes {

    boolean inUse(String code);
}
