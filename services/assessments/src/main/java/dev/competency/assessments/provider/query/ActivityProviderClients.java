package dev.competency.assessments.provider.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.mongo.RecordCollections;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * Credentials of activity providers for HTTP Basic authentication on the xAPI resources, as LRSs issue them: a key
 * and a secret per client. Only an HMAC-SHA-256 of the secret with a per-client salt is stored. Secrets are 256
 * random bits generated here (never chosen by people), so a fast keyed hash is enough to make a stolen database
 * useless, and checking a secret costs microseconds instead of the tens of milliseconds of a password hash, which
 * matters at thousands of statements per second.
 */
public class ActivityProviderClients {

    static final String COLLECTION = "xapi_clients";

    private final MongoCollection<StoredClient> clients;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ActivityProviderClients(MongoDatabase database, Clock clock) {
        this.clients = RecordCollections.collection(database, COLLECTION, StoredClient.class);
        this.clock = clock;
    }

    /** A client as stored in {@code xapi_clients}. Public only for the driver's record codec. */
    public record StoredClient(@BsonId String key, String name, String salt, String hash, String createdBy,
                               Instant createdAt, @BsonProperty(REVOKED) boolean revoked, Boolean trustedAuthority) {
        static final String REVOKED = "revoked";

        ActivityProviderClient client() {
            return new ActivityProviderClient(key, name, createdBy, createdAt, revoked,
                    Boolean.TRUE.equals(trustedAuthority));
        }
    }

    /** A new client's credentials; the secret is shown once and cannot be recovered. */
    public record Registration(ActivityProviderClient client, String secret) {
    }

    /** Registers a client; with {@code trustedAuthority} the LRS keeps the authority of its statements. */
    public Registration register(String name, String createdBy, boolean trustedAuthority) {
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("name is required");
        }
        String key = UUID.randomUUID().toString();
        String secret = randomToken();
        String salt = randomToken();
        StoredClient client = new StoredClient(key, name.strip(), salt, hash(salt, secret), createdBy,
                clock.instant(), false, trustedAuthority);
        clients.insertOne(client);
        return new Registration(client.client(), secret);
    }

    /** The client these credentials belong to, unless they are wrong or the client was revoked. */
    public Optional<ActivityProviderClient> authenticate(String key, String secret) {
        if (key == null || secret == null) {
            return Optional.empty();
        }
        StoredClient client = clients.find(Filters.eq("_id", key)).first();
        if (client == null || client.revoked()) {
            return Optional.empty();
        }
        byte[] expected = client.hash().getBytes(StandardCharsets.UTF_8);
        byte[] actual = hash(client.salt(), secret).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual) ? Optional.of(client.client()) : Optional.empty();
    }

    public List<ActivityProviderClient> all() {
        return clients.find().map(StoredClient::client).into(new ArrayList<>());
    }

    /** Revokes a client; false when there is no such client. */
    public boolean revoke(String key) {
        return clients.updateOne(Filters.eq("_id", key), Updates.set(StoredClient.REVOKED, true))
                .getMatchedCount() > 0;
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String salt, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
