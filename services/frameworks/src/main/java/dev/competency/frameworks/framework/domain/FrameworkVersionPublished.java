package dev.competency.frameworks.framework.domain;

import java.time.Instant;

/**
 * {@code version} was published with the whole of its content and can never change.
 *
 * @param policyVersion the version in which the scales and policies last changed
 */
public record FrameworkVersionPublished(String frameworkId, int version, String code, FrameworkContent content,
                                        int policyVersion, String publishedBy, Instant publishedAt) {
}
