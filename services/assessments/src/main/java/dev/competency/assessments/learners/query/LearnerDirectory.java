package dev.competency.assessments.learners.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.MailboxHash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The learners this service has heard of on {@code competency.learners.v1}: their organisation unit (for the rule
 * that assessors grade only learners of their unit) and the xAPI {@code mbox_sha1sum} of their e-mail address (to find
 * the learner an xAPI actor is, whether the actor gives an {@code mbox} or an {@code mbox_sha1sum}). No address is
 * stored, only its hash. Erasure removes both.
 */
public class LearnerDirectory {

    /** The consumer group that keeps this directory, reading {@code competency.learners.v1}. */
    public static final String CONSUMER = "assessments.learner-directory";

    static final String LEARNERS = "learners";
    static final String MAILBOXES = "learner_mailboxes";

    private static final String MAILTO = "mailto:";

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
        if (registered.mboxSha1sum() != null) {
            mailboxes.replaceOne(Filters.eq("_id", registered.mboxSha1sum()),
                    new Document("_id", registered.mboxSha1sum()).append("learnerId", registered.learnerId()),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** Forgets the learner: on {@code learner.erased}, and on a record with no value (a tombstone) for the learner. */
    public void erase(String learnerId) {
        learners.deleteOne(Filters.eq("_id", learnerId));
        mailboxes.deleteMany(Filters.eq("learnerId", learnerId));
    }

    /** The {@code mbox_sha1sum} values (lower-case hex) of the learner's addresses this directory knows. */
    public Set<String> mboxSha1sums(String learnerId) {
        Set<String> hashes = new HashSet<>();
        mailboxes.find(Filters.eq("learnerId", learnerId))
                .forEach(mailbox -> hashes.add(mailbox.getString("_id").toLowerCase(Locale.ROOT)));
        return hashes;
    }

    /** The organisation unit of a learner, if the learner and their unit are known. */
    public Optional<String> organisationUnit(String learnerId) {
        return Optional.ofNullable(learners.find(Filters.eq("_id", learnerId)).first())
                .map(document -> document.getString("organisationUnit"));
    }

    /** The learner whose e-mail address is the given {@code mailto:} IRI; empty for anything else. */
    public Optional<String> learnerByMbox(String mbox) {
        if (mbox == null || !mbox.regionMatches(true, 0, MAILTO, 0, MAILTO.length())
                || mbox.length() == MAILTO.length()) {
            return Optional.empty();
        }
        return learnerByMboxSha1sum(MailboxHash.ofMbox(mbox));
    }

    /** The learner whose e-mail address has the given xAPI {@code mbox_sha1sum} (hex, either case). */
    public Optional<String> learnerByMboxSha1sum(String mboxSha1sum) {
        if (mboxSha1sum == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mailboxes.find(Filters.eq("_id", mboxSha1sum.toLowerCase(Locale.ROOT))).first())
                .map(document -> document.getString("learnerId"));
    }

    /**
     * Replaces the {@code mailto:} addresses an earlier version stored with their hashes, so that no address stays in
     * this service's database. Idempotent; run at start-up.
     *
     * @return how many addresses were replaced
     */
    public int hashStoredAddresses() {
        List<Document> stored = new ArrayList<>();
        mailboxes.find(Filters.regex("_id", "^" + Pattern.quote(MAILTO))).into(stored);
        for (Document mailbox : stored) {
            String address = mailbox.getString("_id");
            if (address.length() > MAILTO.length()) {
                String hash = MailboxHash.ofMbox(address);
                mailboxes.replaceOne(Filters.eq("_id", hash),
                        new Document("_id", hash).append("learnerId", mailbox.getString("learnerId")),
                        new ReplaceOptions().upsert(true));
            }
            mailboxes.deleteOne(Filters.eq("_id", address));
        }
        return stored.size();
    }
}
