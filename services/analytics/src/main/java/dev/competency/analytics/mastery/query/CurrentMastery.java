package dev.competency.analytics.mastery.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.contracts.mastery.ParentRollupEnded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The latest known mastery of each learner on each competency, the cell of the team × competency heatmap. A change
 * replaces what it changes only when it is newer than what is stored, so redelivered or out-of-date events change
 * nothing.
 *
 * <p>A parent competency may have both a mastery folded from evidence on the parent itself ({@code mastery.changed})
 * and a roll-up from its children ({@code parent-mastery.changed}). Both are kept, each in a document of its own, and
 * the roll-up is the cell while it lasts, as in the learner-profiles service's queries; after
 * {@code parent-rollup.ended} the folded mastery is the cell again, if there is one.
 */
@Component
public class CurrentMastery {

    static final String COLLECTION = "mastery_current";

    private final MongoCollection<Document> cells;

    public CurrentMastery(MongoDatabase serviceDatabase) {
        this.cells = serviceDatabase.getCollection(COLLECTION);
    }

    public void on(MasteryChanged changed) {
        replaceIfNewer(cellId(changed.learnerId(), changed.competencyId()), changed.learnerId(),
                changed.competencyId(), new Document("frameworkId", changed.frameworkId())
                        .append("frameworkVersion", changed.frameworkVersion())
                        .append("level", changed.level())
                        .append("score", changed.score())
                        .append("mastered", changed.mastered())
                        .append("rolledUp", false), changed.changedAt());
    }

    /** A parent rolled up from its children: a cell like any other, without a score. */
    public void on(ParentMasteryChanged changed) {
        replaceIfNewer(rollupId(changed.learnerId(), changed.competencyId()), changed.learnerId(),
                changed.competencyId(), new Document("frameworkId", changed.frameworkId())
                        .append("frameworkVersion", changed.frameworkVersion())
                        .append("level", changed.level())
                        .append("score", null)
                        .append("mastered", changed.mastered())
                        .append("rolledUp", true), changed.changedAt());
    }

    /**
     * The roll-up stops applying. Its document stays as a marker with this event's time, so that a redelivered
     * older roll-up does not bring it back.
     */
    public void on(ParentRollupEnded ended) {
        replaceIfNewer(rollupId(ended.learnerId(), ended.competencyId()), ended.learnerId(), ended.competencyId(),
                new Document("frameworkId", ended.frameworkId())
                        .append("frameworkVersion", ended.frameworkVersion())
                        .append("rolledUp", true)
                        .append("ended", true), ended.changedAt());
    }

    private static String cellId(String learnerId, String competencyId) {
        return learnerId + ":" + competencyId;
    }

    private static String rollupId(String learnerId, String competencyId) {
        return cellId(learnerId, competencyId) + ":rollup";
    }

    private void replaceIfNewer(String id, String learnerId, String competencyId, Document values,
            Instant changedAt) {
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

    /** The cell of one learner and competency: the roll-up while it lasts, else the folded mastery. */
    public Optional<Document> find(String learnerId, String competencyId) {
        return effective(cells.find(Filters.in("_id", cellId(learnerId, competencyId),
                rollupId(learnerId, competencyId)))).stream().findFirst();
    }

    /** Every cell of the given learners, one per learner and competency. */
    public List<Document> ofLearners(Collection<String> learnerIds) {
        return effective(cells.find(Filters.in("learnerId", learnerIds)));
    }

    private static List<Document> effective(Iterable<Document> documents) {
        Map<String, Document> byCell = new LinkedHashMap<>();
        for (Document document : documents) {
            String cell = cellId(document.getString("learnerId"), document.getString("competencyId"));
            if (!document.getBoolean("rolledUp", false)) {
                byCell.putIfAbsent(cell, document);
            } else if (!document.getBoolean("ended", false)) {
                byCell.put(cell, document);
            }
        }
        return new ArrayList<>(byCell.values());
    }

    public void forget(String learnerId) {
        cells.deleteMany(Filters.eq("learnerId", learnerId));
    }
}
