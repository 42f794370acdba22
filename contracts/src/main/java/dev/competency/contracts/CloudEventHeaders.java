package dev.competency.contracts;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary content mode: the event
 * attributes travel as {@code ce_}-prefixed headers and the record value is the bare JSON payload.
 * Header values are UTF-8 strings. {@link EventAttributes} converts between headers and attributes.
 */
public final class CloudEventHeaders {

    /** Event id, a UUID. Unique per event; consumers deduplicate on it. */
    public static final String ID = "ce_id";

    /** Event type, one of {@link EventTypes}. */
    public static final String TYPE = "ce_type";

    /** URI reference of the producing service, for example {@code /services/assessments}. */
    public static final String SOURCE = "ce_source";

    /** When the fact happened in the producer, RFC 3339 (ISO-8601) in UTC. */
    public static final String TIME = "ce_time";

    /** Identity of the entity the event is about, for example the learnerId. Optional. */
    public static final String SUBJECT = "ce_subject";

    /** CloudEvents specification version; always {@link #SPEC_VERSION_VALUE}. */
    public static final String SPEC_VERSION = "ce_specversion";

    public static final String SPEC_VERSION_VALUE = "1.0";

    /** Media type of the record value; always {@link #JSON_CONTENT_TYPE}. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String JSON_CONTENT_TYPE = "application/json";

    private CloudEventHeaders() {
    }
}
