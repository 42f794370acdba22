package dev.competency.frameworks.framework.domain;

import java.time.Instant;

/** The draft of {@code version} now holds {@code content} (normalised: ids and positions assigned). */
public record FrameworkDraftEdited(String frameworkId, int version, FrameworkContent content, String editedBy,
                                   Instant editedAt) {
}
