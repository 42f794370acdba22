package dev.competency.assessments.learners.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;

/**
 * The learners this service has heard of on {@code competency.learners.v1}: their organisation unit (for the rule
 * that assessors grade only learners of their unit) and their e-mail address as an xAPI {@code mbox} (to find the
 * learner an xAPI actor is). Erasure removes both.
 */
public class LearnerDirectory {

    /** The consumer group that keeps this directory, reading {@code competency.learners.v1}. */
    public static final String CONSUMER = "assessments.learner-directory";

    static final String LEARNERS = "learners";
    static final String MAILBOXES = "learner_mailboxes";

    private final MongoCollection<Document> learners;
    private final MongoCollection<Document> mailboxes;

    public LearnerDirectory(MongoDatabase database) {
        this.learners = database.getCollection(LEARNERS);
        this.mailboxes = database.getCollection(MAILBOXES);
    }

    public void register(LearnerRegistered registered) {
        learners.replaceOne(Filters.eq("_id", registered.learnerId()),
                new Document("_id", registered.learnerId()).append("organisationUnit", registered.organisationUnit()),
                new ReplaceOptions().upsert(true));
        if (registered.email() != null) {
            String mbox = mbox(registered.email());
            mailboxes.replaceOne(Filters.eq("_id", mbox),
                    new Document("_id", mbox).append("learnerId", registered.learnerId()),
                    new ReplaceOptions().upsert(true));
        }
    }

    public void erase(LearnerErased erased) {
        learners.deleteOne(Filters.eq("_id", erased.learnerId()));
        mailboxes.deleteMany(Filters.eq("learnerId", erased.learnerId()));
    }

    /** The organisation unit of a learner, if the learner and their unit are known. */
    public Optional<String> organisationUnit(String learnerId) {
        return Optional.ofNullable(learners.find(Filters.eq("_id", learnerId)).first())
                .map(document -> document.getString("organisationUnit"));
    }

    /** The learner whose e-mail address is the given {@code mailto:} IRI. */
    public Optional<String> learnerByMbox(String mbox) {
        return Optional.ofNullable(mailboxes.find(Filters.eq("_id", mbox.toLowerCase(Locale.ROOT))).first())
                .map(document -> document.getString("learnerId"));
    }

    private static String mbox(String email) {
        return "mailto:" + email.toLowerCase(Locale.ROOT);
    }
}
