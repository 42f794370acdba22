package dev.competency.platform.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A read of part of an index range walks the range only as far as it reads. */
class OrderedIndexRangeTest {

    @Test
    void answersWithoutCountingTheRestOfTheRange_whenABatchAfterAPositionIsAsked() {
        OrderedIndex<Long> index = new OrderedIndex<>("globalIndex_1", List.of(new IndexKey("globalIndex", true)),
                false, false);
        for (long i = 0; i < 10_000; i++) {
            index.add(new Document("_id", "event-" + i).append("globalIndex", i), i, null);
        }
        OrderedIndex.Plan plan = index.plan(new Document("globalIndex", new Document("$gte", 5_000L)),
                new Document("globalIndex", 1), 100).orElseThrow();

        Spliterator<Long> positions = index.positions(plan, true).spliterator();

        // Every terminal operation of a stream that knows its size asks for it first, and a range of a tree map
        // counts its size by walking to its end: a tracking read of one batch walked the store to its end.
        assertThat(positions.estimateSize()).isEqualTo(Long.MAX_VALUE);
        List<Long> batch = new ArrayList<>();
        while (batch.size() < 100 && positions.tryAdvance(batch::add)) {
            // taking one batch
        }
        assertThat(batch).containsExactlyElementsOf(LongStream.range(5_000, 5_100).boxed().toList());
    }
}
