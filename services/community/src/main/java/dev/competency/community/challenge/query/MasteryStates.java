package dev.competency.community.challenge.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.community.challenge.domain.MasteryFact;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * Every learner's last mastery change per competency, in the order of {@code competency.mastery.v1} (by offset), so
 * that a challenge set today starts from what learners have reached already. Rebuilt by reading the topic again.
 */
public class MasteryStates {

    static final String COLLECTION = "mastery_states";

    private final MongoCollection<State> states;

    public MasteryStates(MongoDatabase database) {
        this.states = RecordCollections.collection(database, COLLECTION, State.class);
        createIndexes();
    }

    /**
     * A learner's last change on a competency as stored, under a text key unambiguous for any ids (the learner id's
     * length first). Not a sub-document: the embedded development store lost track of documents keyed by sub-documents
     * when deleting them. Public only because the driver's record codec calls it.
     */
    public record State(@BsonId String id, @BsonProperty(LEARNER_ID) LearnerId learnerId,
                        @BsonProperty(COMPETENCY_ID) CompetencyId competencyId, long position, Instant changedAt,
                        String level, boolean mastered) {
        static final String LEARNER_ID = "learnerId";
        static final String COMPETENCY_ID = "competencyId";

        State(MasteryFact fact) {
            this(key(fact.learnerId(), fact.competencyId()), new LearnerId(fact.learnerId()),
                    new CompetencyId(fact.competencyId()), fact.position(), fact.changedAt(), fact.level(),
                    fact.mastered());
        }

        static String key(String learnerId, String competencyId) {
            return learnerId.length() + ":" + learnerId + "/" + competencyId;
        }

        MasteryFact fact() {
            return new MasteryFact(learnerId.value(), competencyId.value(), position, changedAt, level, mastered);
        }
    }

    private void createIndexes() {
        states.createIndex(Indexes.ascending(State.COMPETENCY_ID), new IndexOptions().name("by_competency"));
    }

    /** @return whether the fact is newer in the stream than the one kept, and so kept now */
    public boolean put(MasteryFact fact) {
        State next = new State(fact);
        State current = states.find(Filters.eq("_id", next.id())).first();
        if (current != null && current.position() >= fact.position()) {
            return false;
        }
        states.replaceOne(Filters.eq("_id", next.id()), next, new ReplaceOptions().upsert(true));
        return true;
    }

    /** The last changes of the given competencies, of every learner. */
    public List<MasteryFact> ofCompetencies(List<String> competencyIds) {
        return states.find(Filters.in(State.COMPETENCY_ID, competencyIds)).map(State::fact).into(new ArrayList<>());
    }

    /** Drops the states before they are read again from the start of the stream. */
    public void drop() {
        states.drop();
        createIndexes();
    }

    public void erase(LearnerId learnerId) {
        states.deleteMany(Filters.eq(State.LEARNER_ID, learnerId));
    }
}
