package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stored instants read field by field give what Jackson's own deserializer gives; other forms go to it. */
class IsoInstantDeserializerTest {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_9999_END = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private final ObjectMapper axon = AxonMongoConfiguration.axonObjectMapper();
    private final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());

    record Stamped(Instant at, List<Instant> more) {
    }

    @Test
    void everyInstantInItsOwnTextFormIsReadBackExactly() {
        Random random = new Random(20261202);
        int[] precisions = {1, 1_000, 1_000_000, 1_000_000_000};
        for (int i = 0; i < 200_000; i++) {
            long second = YEAR_0 + (long) (random.nextDouble() * (YEAR_9999_END - YEAR_0));
            int precision = precisions[random.nextInt(precisions.length)];
            Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000) / precision * precision);
            assertThat(IsoInstantDeserializer.parse(instant.toString())).as(instant.toString()).isEqualTo(instant);
        }
        assertThat(IsoInstantDeserializer.parse("2024-02-29T23:59:59.999999999Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
    }

    @Test
    void otherFormsAndImpossibleDatesAreLeftToJacksonsOwnDeserializer() throws Exception {
        for (String text : List.of("2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00.5Z", "+10000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z", "2026-01-01T00:00Z", "2026-01-01T00:00:00.1234Z", "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T23:59:60Z",
                "2026-0a-01T00:00:00Z", "2026-01-01 00:00:00Z", "")) {
            assertThat(IsoInstantDeserializer.parse(text)).as(text).isNull();
            assertThat(outcome(axon, text)).as(text).isEqualTo(outcome(jackson, text));
        }
        String numbers = "{\"at\":1767225600.5,\"more\":[1767225600]}";
        assertThat(axon.readValue(numbers, Stamped.class)).isEqualTo(jackson.readValue(numbers, Stamped.class));
    }

    @Test
    void theMapperReadsWhatItWrites() throws Exception {
        Stamped stamped = new Stamped(Instant.parse("2026-12-02T07:24:50.123456789Z"),
                List.of(Instant.parse("2020-02-29T00:00:00Z"), Instant.parse("1970-01-01T00:00:00.001Z")));
        assertThat(axon.readValue(axon.writeValueAsString(stamped), Stamped.class)).isEqualTo(stamped);
    }

    /** What a mapper reads from the text: the value, or the kind of its refusal. */
    private static Object outcome(ObjectMapper mapper, String text) {
        try {
            return mapper.readValue("{\"at\":\"" + text + "\",\"more\":[]}", Stamped.class);
        } catch (Exception refused) {
            return refused.getClass();
        }
    }
}
