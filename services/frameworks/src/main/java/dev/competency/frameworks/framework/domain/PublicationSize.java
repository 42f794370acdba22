package dev.competency.frameworks.framework.domain;

/**
 * How large a published version is on the public stream, and how large it may be. A version above the limit would
 * never fit in one record on the broker and would stall the publisher, so it is refused before it is published.
 */
public interface PublicationSize {

    /** The size in bytes of the public {@code framework.published} payload of {@code publication}. */
    long bytes(FrameworkVersionPublished publication);

    /** The largest payload the topic and the producer are configured to carry. */
    long limitBytes();
}
