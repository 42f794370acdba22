package dev.competency.faults.check;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * Who owns each segment of a service's event processors, read from the service's token store (the collection
 * {@value #TOKENS} of its database): the node name that claimed it, empty when nobody holds it. Axon's pooled
 * processors claim a segment by writing their node name as its {@code owner}; a claim not extended within the claim
 * time-out may be taken over by another node.
 */
public final class SegmentOwners implements AutoCloseable {

    /** The token store's collection (Axon's Mongo extension's default name). */
    static final String TOKENS = "trackingtokens";

    private final MongoClient client;

    public SegmentOwners(String connectionString) {
        this.client = MongoClients.create(connectionString);
    }

    /** A service's processors, each with the owner of each of its segments, by segment number. */
    public record Ownership(Map<String, Map<Integer, Optional<String>>> processors) {

        /** Whether every segment of every processor is owned by a node {@code owner} accepts. */
        public boolean allOwnedBy(Predicate<String> owner) {
            return !processors.isEmpty() && processors.values().stream().flatMap(segments -> segments.values().stream())
                    .allMatch(node -> node.filter(owner).isPresent());
        }

        /** Whether a node {@code owner} accepts owns at least one segment of every processor. */
        public boolean ownsSomeOfEach(Predicate<String> owner) {
            return !processors.isEmpty() && processors.values().stream().allMatch(segments -> segments.values()
                    .stream().anyMatch(node -> node.filter(owner).isPresent()));
        }

        /** How many segments, of all processors, a node {@code owner} accepts owns. */
        public long count(Predicate<String> owner) {
            return processors.values().stream().flatMap(segments -> segments.values().stream())
                    .filter(node -> node.filter(owner).isPresent()).count();
        }

        /** Every segment of all processors. */
        public long segments() {
            return processors.values().stream().mapToLong(Map::size).sum();
        }
    }

    /** The owners of the segments of every processor in the service's database, as stored now. */
    public Ownership of(String database) {
        Map<String, Map<Integer, Optional<String>>> processors = new TreeMap<>();
        for (Document token : client.getDatabase(database).getCollection(TOKENS).find()) {
            processors.computeIfAbsent(token.getString("processorName"), name -> new TreeMap<>())
                    .put(token.getInteger("segment"), Optional.ofNullable(token.getString("owner")));
        }
        return new Ownership(processors);
    }

    @Override
    public void close() {
        client.close();
    }
}
