package dev.competency.platform.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One simulated browser on the live notification stream: reads the Server-Sent Events line by line as they arrive
 * (no thread of its own), counts the comment lines, hands each {@code data:} line to the bench with the instant it
 * was read, and remembers whether and why the stream ended.
 */
final class StreamClient implements Flow.Subscriber<String> {

    private final String learnerId;
    private final BiConsumer<String, Long> onData;
    private final AtomicInteger heartbeats = new AtomicInteger();
    private volatile int status;
    private volatile boolean connected;
    private volatile long connectedAt;
    private volatile long endedAt;
    private volatile String ending;
    private volatile Flow.Subscription subscription;

    StreamClient(String learnerId, BiConsumer<String, Long> onData) {
        this.learnerId = learnerId;
        this.onData = onData;
    }

    /** Reads the body as lines into this client, whatever the status (an error body ends the stream at once). */
    HttpResponse.BodyHandler<Void> handler() {
        return info -> {
            status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(this);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        long now = System.nanoTime();
        if (line.startsWith("data:")) {
            onData.accept(line.substring(5), now);
        } else if (line.startsWith(":heartbeat")) {
            heartbeats.incrementAndGet();
        } else if (line.startsWith(":connected")) {
            connectedAt = now;
            connected = true;
        }
    }

    @Override
    public void onError(Throwable error) {
        end("error: " + error);
    }

    @Override
    public void onComplete() {
        end("closed by the server (status " + status + ")");
    }

    void failed(Throwable error) {
        end("request failed: " + error);
    }

    private void end(String why) {
        if (ending == null) {
            endedAt = System.nanoTime();
            ending = why;
        }
    }

    /** Ends the stream from this side (the subscriber stops reading; the client closes the connection). */
    void close() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    String learnerId() {
        return learnerId;
    }

    boolean connected() {
        return connected && ending == null;
    }

    long connectedAt() {
        return connectedAt;
    }

    int heartbeats() {
        return heartbeats.get();
    }

    int status() {
        return status;
    }

    Optional<String> ending() {
        return Optional.ofNullable(ending);
    }

    long endedAt() {
        return endedAt;
    }

    static long open(List<StreamClient> clients) {
        return clients.stream().filter(StreamClient::connected).count();
    }
}
