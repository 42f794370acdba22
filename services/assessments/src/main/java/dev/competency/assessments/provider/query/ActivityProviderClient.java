package dev.competency.assessments.provider.query;

import java.time.Instant;

/**
 * A registered activity provider (e-learning content, a simulation) that sends xAPI statements.
 *
 * @param trustedAuthority whether the LRS keeps the {@code authority} this client puts in its statements (for a
 *                         source the admin trusts to assert it, such as another LRS forwarding statements) instead of
 *                         setting the client itself as the authority
 */
public record ActivityProviderClient(String key, String name, String createdBy, Instant createdAt, boolean revoked,
                                     boolean trustedAuthority) {
}
