package dev.competency.community.challenge.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.community.challenge.domain.MasteryFact;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Every learner's last mastery change per competency, in the order of {@code competency.mastery.v1} (by offset), so
 * that a challenge set today starts from what learners have reached already. Rebuilt by reading the topic again.
 */
public class MasteryStates {

    static final String COLLECTION = "mastery_states";

    private final MongoCollection<Document> states;

    public MasteryStates(MongoDatabase database) {
        this.states = database.getCollection(COLLECTION);
        states.createIndex(Indexes.ascending("competencyId"), new IndexOptions().name("by_competency"));
    }

    /**
     * A text key, unambiguous for any ids (the learner id's length first). Not a sub-document: the embedded
     * development store lost track of documents keyed by sub-documents when deleting them.
     */
    private static String id(String learnerId, String competencyId) {
        return learnerId.length() + ":" + learnerId + "/" + competencyId;
    }

    /** @return whether the fact is newer in the stream than the one kept, and so kept now */
    public boolean put(MasteryFact fact) {
        String id = id(fact.learnerId(), fact.competencyId());
        Document current = states.find(Filters.eq("_id", id)).first();
        if (current != null && current.getLong("position") >= fact.position()) {
            return false;
        }
        states.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("learnerId", fact.learnerId())
                .append("competencyId", fact.competencyId()).append("position", fact.position())
                .append("changedAt", Date.from(fact.changedAt())).append("level", fact.level())
                .append("mastered", fact.mastered()), new ReplaceOptions().upsert(true));
        return true;
    }

    public Optional<MasteryFact> find(String learnerId, String competencyId) {
        return Optional.ofNullable(states.find(Filters.eq("_id", id(learnerId, competencyId))).first())
                .map(MasteryStates::fact);
    }

    /** The last changes of the given competencies, of every learner. */
    public List<MasteryFact> ofCompetencies(List<String> competencyIds) {
        List<MasteryFact> facts = new ArrayList<>();
        states.find(Filters.in("competencyId", competencyIds)).forEach(document -> facts.add(fact(document)));
        return facts;
    }

    /** Drops the states before they are read again from the start of the stream. */
    public void drop() {
        states.drop();
        states.createIndex(Indexes.ascending("competencyId"), new IndexOptions().name("by_competency"));
    }

    public void erase(String learnerId) {
        states.deleteMany(Filters.eq("learnerId", learnerId));
    }

    private static MasteryFact fact(Document document) {
        return new MasteryFact(document.getString("learnerId"), document.getString("competencyId"),
                document.getLong("position"), document.getDate("changedAt").toInstant(), document.getString("level"),
                document.getBoolean("mastered", false));
    }
}
