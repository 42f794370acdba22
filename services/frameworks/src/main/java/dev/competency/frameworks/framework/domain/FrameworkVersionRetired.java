package dev.competency.frameworks.framework.domain;

import java.time.Instant;

/** The framework was retired at its published {@code version}. */
public record FrameworkVersionRetired(String frameworkId, int version, String retiredBy, String reason,
                                      Instant retiredAt) {
}
