package dev.competency.assessments.learners.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

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

    private final MongoCollection<StoredLearner> learners;
    private final MongoCollection<StoredMailbox> mailboxes;

    public LearnerDirectory(MongoDatabase database) {
        this.learners = RecordCollections.collection(database, LEARNERS, StoredLearner.class);
        this.mailboxes = RecordCollections.collection(database, MAILBOXES, StoredMailbox.class);
    }

    /** A learner as stored in {@code learners}. Public only for the driver's record codec. */
    public record StoredLearner(@BsonId LearnerId learnerId, String organisationUnit) {
    }

    /** The hash of one of a learner's addresses in {@code learner_mailboxes} (a {@code mailto:} IRI before 1.1). */
    public record StoredMailbox(@BsonId String mboxSha1sum, @BsonProperty(LEARNER_ID) LearnerId learnerId) {
        static final String LEARNER_ID = "learnerId";
    }

    public void register(LearnerRegistered registered) {
        LearnerId learnerId = new LearnerId(registered.learnerId());
        learners.replaceOne(Filters.eq("_id", learnerId), new StoredLearner(learnerId, registered.organisationUnit()),
                new ReplaceOptions().upsert(true));
        if (registered.mboxSha1sum() != null) {
            storeMailbox(new StoredMailbox(registered.mboxSha1sum(), learnerId));
        }
    }

    private void storeMailbox(StoredMailbox mailbox) {
        mailboxes.replaceOne(Filters.eq("_id", mailbox.mboxSha1sum()), mailbox, new ReplaceOptions().upsert(true));
    }

    /** Forgets the learner: on {@code learner.erased}, and on a record with no value (a tombstone) for the learner. */
    public void erase(String learnerId) {
        learners.deleteOne(Filters.eq("_id", learnerId));
        mailboxes.deleteMany(Filters.eq(StoredMailbox.LEARNER_ID, learnerId));
    }

    /** The {@code mbox_sha1sum} values (lower-case hex) of the learner's addresses this directory knows. */
    public Set<String> mboxSha1sums(String learnerId) {
        return mailboxes.find(Filters.eq(StoredMailbox.LEARNER_ID, learnerId))
                .map(mailbox -> mailbox.mboxSha1sum().toLowerCase(Locale.ROOT)).into(new HashSet<>());
    }

    /** The organisation unit of a learner, if the learner and their unit are known. */
    public Optional<String> organisationUnit(String learnerId) {
        return Optional.ofNullable(learners.find(Filters.eq("_id", learnerId)).first())
                .map(StoredLearner::organisationUnit);
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
                .map(mailbox -> mailbox.learnerId().value());
    }

    /**
     * Replaces the {@code mailto:} addresses an earlier version stored with their hashes, so that no address stays in
     * this service's database. Idempotent; run at start-up.
     *
     * @return how many addresses were replaced
     */
    public int hashStoredAddresses() {
        List<StoredMailbox> stored = mailboxes.find(Filters.regex("_id", "^" + Pattern.quote(MAILTO)))
                .into(new ArrayList<>());
        for (StoredMailbox mailbox : stored) {
            String address = mailbox.mboxSha1sum();
            if (address.length() > MAILTO.length()) {
                storeMailbox(new StoredMailbox(MailboxHash.ofMbox(address), mailbox.learnerId()));
            }
            mailboxes.deleteOne(Filters.eq("_id", address));
        }
        return stored.size();
    }
}
