package dev.competency.frameworks.framework.domain;

import java.util.List;

/**
 * What an external standard says of a framework beyond its title and description, kept so that an export gives it
 * back unchanged (CASE: the CFDocument's {@code creator}, {@code officialSourceURL}, {@code subject},
 * {@code subjectURI} and {@code lastChangeDateTime}).
 *
 * @param changedAt when the external source last changed the document, as an ISO-8601 instant
 */
public record DocumentDetails(String creator, String officialSourceUrl, List<String> subject, List<Link> subjectUri,
                              String changedAt) {

    public DocumentDetails {
        subject = subject == null ? List.of() : List.copyOf(subject);
        subjectUri = subjectUri == null ? List.of() : List.copyOf(subjectUri);
    }

    /** A reference to a definition of the external standard, such as a CASE LinkURI. */
    public record Link(String title, String identifier, String uri) {
    }
}
