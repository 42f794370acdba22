package dev.competency.platform.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index's direct comparisons of strings, numbers and dates order as the server's own comparator does. */
class OrderedIndexOrderTest {

    private final Random random = new Random(20261202);

    @Test
    void ordersValuesAsTheServersComparatorDoes_whenValuesAreOfEveryKind() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(randomString());
            values.add(random.nextLong());
            values.add(random.nextInt(2001) - 1000);
            values.add((long) (random.nextInt(2001) - 1000));
            values.add(random.nextInt(2001) - 1000.5);
            values.add((double) (random.nextInt(2001) - 1000));
            values.add(Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L));
        }
        values.addAll(List.of("", "a", "B", "é", "\uD83D\uDE00", "\uFFFF", Long.MIN_VALUE, Long.MAX_VALUE,
                Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 0L, 0.0, -0.0, Instant.EPOCH, true, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MIN_VALUE,
                Instant.ofEpochMilli(-1), Instant.ofEpochSecond(0, 1)));

        for (Object a : values) {
            for (int j = 0; j < 40; j++) {
                Object b = values.get(random.nextInt(values.size()));
                assertThat(Integer.signum(OrderedIndex.compareValues(a, b))).as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(ValueComparator.asc().compare(a, b)));
            }
        }
    }

    private String randomString() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            text.appendCodePoint(kind == 0 ? 'a' + random.nextInt(26)
                    : kind == 1 ? 'A' + random.nextInt(26)
                    : kind == 2 ? 0xE0 + random.nextInt(40)
                    : 0x1F600 + random.nextInt(40));
        }
        return text.toString();
    }
}
