package dev.competency.learners.learner.web;

import dev.competency.learners.mastery.Explanation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes the items of an explanation, of which an as-of answer for a long history holds thousands, field by field.
 * The JSON is the same as Jackson's own for these records (a test holds the two side by side): only the time goes
 * down. Jackson's record serializer reached each field through a method handle and formatted each instant with a
 * {@code DateTimeFormatter}; with every scored item of a learner with 10,000 evidence in the answer, that took about
 * two thirds of an as-of query's CPU.
 */
@Component
public class ExplanationJson extends SimpleModule {

    private static final SerializableString EVIDENCE_ID = new SerializedString("evidenceId");
    private static final SerializableString SOURCE_TYPE = new SerializedString("sourceType");
    private static final SerializableString OCCURRED_AT = new SerializedString("occurredAt");
    private static final SerializableString RAW_SCORE = new SerializedString("rawScore");
    private static final SerializableString SOURCE_WEIGHT = new SerializedString("sourceWeight");
    private static final SerializableString EFFECTIVE_WEIGHT = new SerializedString("effectiveWeight");
    private static final SerializableString REASON = new SerializedString("reason");

    private static final Map<Enum<?>, SerializableString> NAMES = new ConcurrentHashMap<>();
    /** The first second of the year 10000: later instants, and those before 1970, take the JDK's formatter. */
    private static final long YEAR_10000 = 253_402_300_800L;

    public ExplanationJson() {
        super("explanation-json");
        addSerializer(Explanation.Contribution.class, object(Explanation.Contribution.class, (item, json) -> {
            writeItem(json, item.evidenceId(), item.sourceType(), item.occurredAt(), item.rawScore());
            json.writeName(SOURCE_WEIGHT);
            writeDouble(json, item.sourceWeight());
            json.writeName(EFFECTIVE_WEIGHT);
            writeDouble(json, item.effectiveWeight());
        }));
        addSerializer(Explanation.Exclusion.class, object(Explanation.Exclusion.class, (item, json) -> {
            writeItem(json, item.evidenceId(), item.sourceType(), item.occurredAt(), item.rawScore());
            json.writeName(REASON);
            writeNullable(json, item.reason());
        }));
    }

    /** A serializer that writes an object with the fields {@code fields} writes. */
    private static <T> StdSerializer<T> object(Class<T> type, BiConsumer<T, JsonGenerator> fields) {
        return new StdSerializer<>(type) {
            @Override
            public void serialize(T item, JsonGenerator json, SerializationContext context) {
                json.writeStartObject(item);
                fields.accept(item, json);
                json.writeEndObject();
            }
        };
    }

    /** The fields a contribution and an exclusion share, in their records' order. */
    private static void writeItem(JsonGenerator json, String evidenceId, Enum<?> sourceType, Instant occurredAt,
            double rawScore) {
        json.writeName(EVIDENCE_ID);
        if (evidenceId == null) {
            json.writeNull();
        } else {
            json.writeString(evidenceId);
        }
        json.writeName(SOURCE_TYPE);
        writeNullable(json, sourceType);
        json.writeName(OCCURRED_AT);
        writeInstant(json, occurredAt);
        json.writeName(RAW_SCORE);
        writeDouble(json, rawScore);
    }

    /** An enum constant's name, quoted and encoded once per constant. */
    private static void writeNullable(JsonGenerator json, Enum<?> value) {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(NAMES.computeIfAbsent(value, constant -> new SerializedString(constant.name())));
        }
    }

    /**
     * ISO-8601 in UTC with the fraction in groups of three digits, as {@link Instant#toString()} writes it. The text
     * holds digits, dashes, colons, a dot, T and Z only, so it is written quoted as it is, without escaping.
     */
    static void writeInstant(JsonGenerator json, Instant instant) {
        if (instant == null) {
            json.writeNull();
            return;
        }
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            json.writeString(instant.toString());
            return;
        }
        char[] text = new char[32];
        text[0] = '"';
        int end = formatInstant(seconds, instant.getNano(), text, 1);
        text[end++] = '"';
        json.writeRawValue(text, 0, end);
    }

    /**
     * Writes {@code yyyy-MM-ddTHH:mm:ss[.SSS[SSS[SSS]]]Z} for an instant from 1970 to 9999 into {@code text} from
     * {@code at}; returns where it ends.
     */
    static int formatInstant(long epochSecond, int nano, char[] text, int at) {
        LocalDate date = LocalDate.ofEpochDay(epochSecond / 86_400);
        int secondOfDay = (int) (epochSecond % 86_400);
        at = digits(text, at, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        if (nano != 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(text, at, nano / 1_000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    /** Writes {@code value} in {@code width} digits, zero-padded, from {@code from}; returns where they end. */
    private static int digits(char[] text, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return from + width;
    }

    /**
     * A double as Jackson writes it (the shortest text that reads back as the same value). Scores and weights are
     * mostly short decimals; those from 0.001 to below 10 million with at most three decimals are written from
     * their thousandths, everything else by Jackson. Such a value has no shorter text: two texts with at most three
     * decimals differ by at least 0.001, far more than the gap between neighbouring doubles in that range.
     */
    static void writeDouble(JsonGenerator json, double value) {
        if (value >= 0.001 && value < 10_000_000) {
            long thousandths = Math.round(value * 1000);
            if (thousandths / 1000.0 == value) {
                char[] text = new char[12];
                int length = formatThousandths(thousandths, text);
                json.writeNumber(text, 0, length);
                return;
            }
        }
        json.writeNumber(value);
    }

    /** {@code thousandths / 1000} with at least one decimal and no trailing zero after it: 1.0, 0.75, 12.125. */
    static int formatThousandths(long thousandths, char[] text) {
        String whole = Long.toString(thousandths / 1000);
        int end = whole.length();
        whole.getChars(0, end, text, 0);
        text[end++] = '.';
        int fraction = (int) (thousandths % 1000);
        text[end++] = (char) ('0' + fraction / 100);
        if (fraction % 100 != 0) {
            text[end++] = (char) ('0' + fraction / 10 % 10);
            if (fraction % 10 != 0) {
                text[end++] = (char) ('0' + fraction % 10);
            }
        }
        return end;
    }
}
