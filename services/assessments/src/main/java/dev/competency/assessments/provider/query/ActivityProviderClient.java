package dev.competency.assessments.provider.query;

import java.time.Instant;

/** A registered activity provider (e-learning content, a simulation) that sends xAPI statements. */
public record ActivityProviderClient(String key, String name, String createdBy, Instant createdAt, boolean revoked) {
}
