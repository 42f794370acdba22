package dev.competency.community.discussion.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * The display names of the people who write in discussions, one per person: the name their token carried when they
 * last wrote (a new discussion, a reply or an edit). No name travels on the streams, so this is the only copy; it is
 * not in the event store, so it is not rebuilt by replay, and an erased person's entry is deleted
 * ({@code learner.erased}). Readers see the name beside the author's id; a person without an entry has none.
 */
public class AuthorNames {

    /** The longest name kept; a longer claim is cut. */
    public static final int MAX_LENGTH = 100;

    static final String COLLECTION = "discussion_authors";

    private final MongoCollection<Author> authors;

    public AuthorNames(MongoDatabase database) {
        this.authors = RecordCollections.collection(database, COLLECTION, Author.class);
    }

    /** A writer's name as stored (anyone may write, not only learners); public for the driver's record codec. */
    public record Author(@BsonId String personId, @BsonProperty(NAME) String name,
                         @BsonProperty(UPDATED_AT) Instant updatedAt) {
        static final String NAME = "name";
        static final String UPDATED_AT = "updatedAt";
    }

    /** Keeps the person's display name (cleaned to one line); a blank or missing name changes nothing. */
    public void remember(String personId, String name, Instant at) {
        String cleaned = clean(name);
        if (personId == null || cleaned == null) {
            return;
        }
        authors.updateOne(Filters.eq("_id", personId), Updates.combine(Updates.set(Author.NAME, cleaned),
                Updates.set(Author.UPDATED_AT, at)), new UpdateOptions().upsert(true));
    }

    /** The names known for these people; people without a name are left out. */
    public Map<String, String> names(Collection<String> personIds) {
        List<String> ids = personIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        authors.find(Filters.in("_id", ids)).forEach(author -> names.put(author.personId(), author.name()));
        return names;
    }

    /** Forgets the person's name, on {@code learner.erased}. */
    public void erase(String personId) {
        authors.deleteOne(Filters.eq("_id", personId));
    }

    /** One line of at most {@link #MAX_LENGTH} characters, without control characters, or null when nothing is left. */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        String line = name.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH).strip();
    }
}
