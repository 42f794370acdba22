package dev.competency.platform.service.arrival;

import dev.competency.platform.service.messaging.ConsumerProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * What another service published a moment ago may not have reached this service yet: the event is on its topic, and
 * this service's consumer reads it a second or two later. Something this service has not heard of is therefore not
 * refused at once. {@link #await} looks it up again for a short while; if it is still missing (and at once with
 * {@link #find}), the broker tells whether the consumer has read the topic to its end. If it has not, the answer is
 * {@link StreamBehind} (503 with {@code Retry-After}: try again shortly); if it has, the thing is simply not
 * there, and the caller answers as for anything unknown. Each service maps {@link StreamBehind} to its 503 answer.
 */
public class StreamArrivals {

    private static final Duration POLL = Duration.ofMillis(50);

    private final ConsumerProgress progress;
    private final RetryTemplate polling;

    public StreamArrivals(ConsumerProgress progress, Duration wait) {
        this.progress = progress;
        this.polling = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(Math.max(0, wait.toMillis() / POLL.toMillis()))
                .delay(POLL)
                .includes(NotArrived.class)
                .build());
    }

    /** One consumer group of this service and the topic it reads. */
    public record Stream(String consumer, String topic) {
    }

    /**
     * Looks {@code what} up, again and again for the configured wait while it is missing.
     *
     * @param what names the thing for the caller, as in "Learner 42"
     * @return empty when it is missing and the consumer has read the whole topic
     * @throws StreamBehind when it is missing and the consumer has not read the whole topic yet
     */
    public <T> Optional<T> await(Stream stream, String what, Supplier<Optional<T>> lookup) {
        try {
            return Optional.of(polling.execute(() -> lookup.get().orElseThrow(NotArrived::new)));
        } catch (RetryException e) {
            if (e.getCause() instanceof NotArrived) {
                return missing(stream, what, lookup);
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            Thread.currentThread().interrupt();
            throw new StreamBehind("Interrupted while waiting for " + what);
        }
    }

    /** Like {@link #await}, but without waiting: for lookups where most misses are final. */
    public <T> Optional<T> find(Stream stream, String what, Supplier<Optional<T>> lookup) {
        Optional<T> found = lookup.get();
        return found.isPresent() ? found : missing(stream, what, lookup);
    }

    /**
     * Once the consumer has read the whole topic, one more lookup is final: the consumer may have stored the thing
     * between the last lookup and the question to the broker.
     */
    private <T> Optional<T> missing(Stream stream, String what, Supplier<Optional<T>> lookup) {
        if (progress.isBehind(stream.consumer(), stream.topic())) {
            throw new StreamBehind(what + " is not known to this service yet: it has not read " + stream.topic()
                    + " this far; try again shortly");
        }
        return lookup.get();
    }

    /** The lookup found nothing (yet). */
    private static final class NotArrived extends RuntimeException {

        NotArrived() {
            super(null, null, false, false);
        }
    }
}
