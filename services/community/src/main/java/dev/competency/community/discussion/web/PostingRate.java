package dev.competency.community.discussion.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code community.posting.per-minute} posts (new discussions, replies, edits) a minute per person: a token
 * bucket per person, refilled whole a minute after it was first drawn from, kept in memory for people who posted in the last two
 * minutes. The limit holds per instance; behind the gateway's own limits that is the intent (no post floods), not an
 * exact cluster-wide quota.
 */
@Component
class PostingRate {

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(2, TimeUnit.MINUTES).maximumSize(100_000).build();

    PostingRate(@Value("${community.posting.per-minute:30}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one post from the person's allowance, or refuses with the seconds until the next one. */
    void take(String personId) {
        Bucket bucket = buckets.get(personId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new PostingTooFast(perMinute, seconds);
        }
    }
}
