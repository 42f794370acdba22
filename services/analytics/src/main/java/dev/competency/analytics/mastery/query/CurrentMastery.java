package dev.competency.analytics.mastery.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The latest known mastery of each learner on each competency, the cell of the team × competency heatmap. A change
 * replaces the cell only when it is newer than what the cell holds, so redelivered or out-of-date events change
 * nothing.
 */
@Component
public class CurrentMastery {

    static final String COLLECTION = "mastery_current";

    private final MongoCollection<Document> cells;

    public CurrentMastery(MongoDatabase serviceDatabase) {
        this.cells = serviceDatabase.getCollection(COLLECTION);
    }

    public void on(MasteryChanged changed) {
        replaceIfNewer(changed.learnerId(), changed.competencyId(), new Document("frameworkId", changed.frameworkId())
                .append("frameworkVersion", changed.frameworkVersion())
                .append("level", changed.level())
                .append("score", changed.score())
                .append("mastered", changed.mastered())
                .append("rolledUp", false), changed.changedAt());
    }

    /** A parent rolled up from its children: a cell like any other, without a score. */
    public void on(ParentMasteryChanged changed) {
        replaceIfNewer(changed.learnerId(), changed.competencyId(), new Document("frameworkId", changed.frameworkId())
                .append("frameworkVersion", changed.frameworkVersion())
                .append("level", changed.level())
                .append("score", null)
                .append("mastered", changed.mastered())
                .append("rolledUp", true), changed.changedAt());
    }

    private void replaceIfNewer(String learnerId, String competencyId, Document values, Instant changedAt) {
        String id = learnerId + ":" + competencyId;
        Date at = Date.from(changedAt);
        Document cell = new Document("_id", id)
                .append("learnerId", learnerId)
                .append("competencyId", competencyId);
        cell.putAll(values);
        cell.append("changedAt", at);
        try {
            cells.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("changedAt", at)), cell,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The cell exists and is as new or newer: the upsert tried to insert a second document with its id.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public Optional<Document> find(String learnerId, String competencyId) {
        return Optional.ofNullable(cells.find(Filters.eq("_id", learnerId + ":" + competencyId)).first());
    }

    /** Every cell of the given learners. */
    public List<Document> ofLearners(Collection<String> learnerIds) {
        return cells.find(Filters.in("learnerId", learnerIds)).into(new ArrayList<>());
    }

    public void forget(String learnerId) {
        cells.deleteMany(Filters.eq("learnerId", learnerId));
    }
}
