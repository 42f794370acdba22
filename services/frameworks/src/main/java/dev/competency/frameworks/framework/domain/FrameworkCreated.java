package dev.competency.frameworks.framework.domain;

import java.time.Instant;

/** A framework came into being as draft version 1. */
public record FrameworkCreated(String frameworkId, String code, String title, String description, int draftVersion,
                               String createdBy, Instant createdAt) {
}
