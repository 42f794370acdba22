package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A segment's token is stored behind the segment's writes of the events it covers, never ahead of them, and never past
 * a failure; another segment's failure is not its own.
 */
class WriteBehindTokenStoreTest {

    private static final String PROCESSOR = "read-models";

    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final WriteBehind writeBehind = new WriteBehind("read-model-writes");
    private final WriteBehindTokenStore tokens = new WriteBehindTokenStore(store, writeBehind);
    private final CountDownLatch writesMayFinish = new CountDownLatch(1);

    @BeforeEach
    void claim() {
        store.initializeTokenSegments(PROCESSOR, 2, new GlobalSequenceTrackingToken(0));
        tokens.fetchToken(PROCESSOR, 0);
        tokens.fetchToken(PROCESSOR, 1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        writesMayFinish.countDown();
        writeBehind.close();
    }

    @Test
    void returnsWhileTheWritesRun_andStoresTheTokenAfterThem() {
        AtomicBoolean written = new AtomicBoolean();
        writeBehind.send(0, () -> {
            awaitQuietly(writesMayFinish);
            written.set(true);
        });
        tokens.storeToken(new GlobalSequenceTrackingToken(10), PROCESSOR, 0);

        assertThat(written).isFalse();
        assertThat(store.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(0));

        writesMayFinish.countDown();
        writeBehind.awaitPending(0);
        assertThat(written).isTrue();
        assertThat(store.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(10));
    }

    @Test
    void storesATokenAtOnce_whenNothingIsPending() {
        tokens.storeToken(new GlobalSequenceTrackingToken(3), PROCESSOR, 0);
        assertThat(store.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
    }

    @Test
    void neverStoresATokenBehindFailedWrites_andRaisesTheFailureAtTheNextClaimExtension() {
        IllegalStateException failure = new IllegalStateException("store refused the batch");
        writeBehind.send(0, () -> {
            awaitQuietly(writesMayFinish);
            throw failure;
        });
        tokens.storeToken(new GlobalSequenceTrackingToken(10), PROCESSOR, 0);
        writesMayFinish.countDown();

        // An idle processor extends its claim every second: the failure reaches it without another batch.
        AtomicReference<Throwable> raised = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try {
                tokens.extendClaim(PROCESSOR, 0);
                return false;
            } catch (RuntimeException e) {
                raised.set(e);
                return true;
            }
        });
        assertThat(raised.get()).isSameAs(failure);
        assertThat(store.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(0));

        // Raised once: the batch handled again goes through.
        tokens.extendClaim(PROCESSOR, 0);
        writeBehind.send(0, () -> { });
        tokens.storeToken(new GlobalSequenceTrackingToken(10), PROCESSOR, 0);
        writeBehind.awaitPending(0);
        assertThat(store.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(10));
    }

    @Test
    void waitsForThePendingWrites_whenTheClaimIsReleased() throws Exception {
        AtomicBoolean written = new AtomicBoolean();
        writeBehind.send(0, () -> {
            awaitQuietly(writesMayFinish);
            written.set(true);
        });
        tokens.storeToken(new GlobalSequenceTrackingToken(7), PROCESSOR, 0);
        CompletableFuture<Boolean> writtenAtRelease = CompletableFuture.supplyAsync(() -> {
            tokens.releaseClaim(PROCESSOR, 0);
            return written.get();
        });

        assertThatThrownBy(() -> writtenAtRelease.get(300, TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
        writesMayFinish.countDown();
        assertThat(writtenAtRelease.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(store.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void leavesTheTokenBeforeFailedWrites_whenTheClaimIsReleasedAfterThem() {
        writeBehind.send(0, () -> {
            awaitQuietly(writesMayFinish);
            throw new IllegalStateException("store refused the batch");
        });
        tokens.storeToken(new GlobalSequenceTrackingToken(10), PROCESSOR, 0);
        writesMayFinish.countDown();

        tokens.releaseClaim(PROCESSOR, 0);

        // Fetched again, by this node or another, from the token before the failed writes.
        assertThat(new WriteBehindTokenStore(store, writeBehind).fetchToken(PROCESSOR, 0))
                .isEqualTo(new GlobalSequenceTrackingToken(0));
    }

    @Test
    void storesAnotherSegmentsTokenAtOnce_whileOneSegmentsWritesArePendingOrFailed() {
        IllegalStateException failure = new IllegalStateException("store refused the batch");
        writeBehind.send(0, () -> {
            awaitQuietly(writesMayFinish);
            throw failure;
        });
        tokens.storeToken(new GlobalSequenceTrackingToken(10), PROCESSOR, 0);

        tokens.storeToken(new GlobalSequenceTrackingToken(12), PROCESSOR, 1);
        assertThat(store.fetchToken(PROCESSOR, 1)).isEqualTo(new GlobalSequenceTrackingToken(12));

        writesMayFinish.countDown();
        assertThatThrownBy(() -> writeBehind.awaitPending(0)).isSameAs(failure);
        tokens.extendClaim(PROCESSOR, 1);
        writeBehind.send(1, () -> { });
        tokens.storeToken(new GlobalSequenceTrackingToken(14), PROCESSOR, 1);
        writeBehind.awaitPending(1);
        assertThat(store.fetchToken(PROCESSOR, 1)).isEqualTo(new GlobalSequenceTrackingToken(14));
        assertThat(store.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(0));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the writes finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
