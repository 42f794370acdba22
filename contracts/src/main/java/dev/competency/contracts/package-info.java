/**
 * The public integration events of the competency platform: what services publish on Kafka and what analytics
 * teams consume.
 *
 * <ul>
 *   <li>{@link dev.competency.contracts.Topics} names the topics, {@link dev.competency.contracts.EventTypes} the
 *       {@code ce_type} values, and {@link dev.competency.contracts.EventCatalog} ties each type to its topic,
 *       payload record, JSON Schema and example.</li>
 *   <li>Payloads are records in the sub-packages {@code frameworks}, {@code evidence}, {@code learners},
 *       {@code mastery}, {@code community} and {@code assessments}; each implements
 *       {@link dev.competency.contracts.IntegrationEvent}, whose {@code partitionKey()} is the Kafka record key.</li>
 *   <li>CloudEvents attributes travel in Kafka headers; {@link dev.competency.contracts.EventAttributes} converts
 *       them.</li>
 * </ul>
 *
 * <p>The module depends on the JDK and Jackson annotations only; Jackson 3 and Jackson 2 databind both read those
 * annotations. The module's tests use Jackson 3, which writes instants as RFC 3339 strings by default. A Jackson 2
 * mapper needs the Java time module and {@code WRITE_DATES_AS_TIMESTAMPS} disabled to produce the same JSON.
 */
package dev.competency.contracts;
