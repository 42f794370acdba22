package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

/** Instants in stored events and snapshots, as Axon's serializer writes and reads them with Jackson's time module. */
class AxonSerializerTest {

    private final Serializer serializer = new AxonMongoConfiguration().serializer();

    record Stamped(Instant at, List<Instant> more) {
    }

    @Test
    void roundTripsInstantsToTheNanosecond_whenSerialisedAsIsoText() {
        Stamped stamped = new Stamped(Instant.parse("2026-12-02T07:24:50.123456789Z"),
                List.of(Instant.parse("2020-02-29T00:00:00Z"), Instant.parse("1970-01-01T00:00:00.001Z"),
                        Instant.parse("2026-12-02T07:24:50.123456Z")));

        SerializedObject<String> stored = serializer.serialize(stamped, String.class);

        assertThat(stored.getData()).contains("\"at\":\"2026-12-02T07:24:50.123456789Z\"")
                .contains("\"2020-02-29T00:00:00Z\"");
        assertThat((Stamped) serializer.deserialize(stored)).isEqualTo(stamped);
    }

    @Test
    void readsStoredInstant_whenItHasAnyFractionLengthOrOffset() {
        String stored = "{\"at\":\"2026-01-01T01:00:00.5+01:00\",\"more\":[\"2026-01-01T00:00:00.123Z\","
                + "\"2026-01-01T00:00:00.123456Z\",\"2026-01-01T00:00:00Z\"],\"unknown\":1}";

        Stamped read = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class,
                new SimpleSerializedType(Stamped.class.getName(), null)));

        assertThat(read).isEqualTo(new Stamped(Instant.parse("2026-01-01T00:00:00.5Z"),
                List.of(Instant.parse("2026-01-01T00:00:00.123Z"), Instant.parse("2026-01-01T00:00:00.123456Z"),
                        Instant.parse("2026-01-01T00:00:00Z"))));
    }
}
