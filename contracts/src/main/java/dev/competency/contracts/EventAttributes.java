package dev.competency.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CloudEvents attributes of one published event, carried in Kafka headers (see {@link CloudEventHeaders}).
 *
 * @param id      UUID of the event; a producer that republishes the same fact (for example after a crash
 *                between storing and publishing) must reuse the id so that consumers can deduplicate
 * @param type    one of {@link EventTypes}
 * @param source  URI reference of the producing service, for example {@code /services/assessments}
 * @param time    when the fact happened in the producer
 * @param subject identity of the entity the event is about; optional
 */
public record EventAttributes(String id, String type, String source, Instant time, String subject) {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public EventAttributes {
        if (id == null || !CANONICAL_UUID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be a UUID but was " + quoted(id));
        }
        if (!EventTypes.isKnown(type)) {
            throw new IllegalArgumentException("type must be a known event type but was " + quoted(type));
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        if (time == null) {
            throw new IllegalArgumentException("time must not be null");
        }
    }

    /**
     * Attributes for publishing {@code event}: the type comes from the {@link EventCatalog} and the subject is
     * the event's partition key.
     */
    public static EventAttributes of(String id, IntegrationEvent event, String source, Instant time) {
        return new EventAttributes(id, EventCatalog.byPayloadType(event.getClass()).type(), source, time,
                event.partitionKey());
    }

    /** The Kafka headers for these attributes, including spec version and content type. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        if (subject != null) {
            headers.put(CloudEventHeaders.SUBJECT, subject);
        }
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE);
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Reads the attributes of a consumed record. A missing {@code ce_specversion} is read as 1.0; other
     * headers that are not CloudEvents attributes are ignored.
     *
     * @throws IllegalArgumentException naming the header that is missing or invalid
     */
    public static EventAttributes fromHeaders(Map<String, String> headers) {
        if (headers == null) {
            throw new IllegalArgumentException("headers must not be null");
        }
        String specVersion = headers.get(CloudEventHeaders.SPEC_VERSION);
        if (specVersion != null && !CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw invalid(CloudEventHeaders.SPEC_VERSION, specVersion, "must be " + CloudEventHeaders.SPEC_VERSION_VALUE);
        }
        String id = required(headers, CloudEventHeaders.ID);
        if (!CANONICAL_UUID.matcher(id).matches()) {
            throw invalid(CloudEventHeaders.ID, id, "must be a UUID");
        }
        String type = required(headers, CloudEventHeaders.TYPE);
        if (!EventTypes.isKnown(type)) {
            throw invalid(CloudEventHeaders.TYPE, type, "must be a known event type");
        }
        String source = required(headers, CloudEventHeaders.SOURCE);
        String time = required(headers, CloudEventHeaders.TIME);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(CloudEventHeaders.TIME, time, "must be an RFC 3339 timestamp");
        }
        String subject = headers.get(CloudEventHeaders.SUBJECT);
        return new EventAttributes(id, type, source, instant, subject == null || subject.isEmpty() ? null : subject);
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing CloudEvents header " + name);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String header, String value, String expectation) {
        return new IllegalArgumentException("Invalid CloudEvents header " + header + ": " + expectation
                + " but was " + quoted(value));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
