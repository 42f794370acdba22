package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoordinatorExecutorTest {

    private static final long RECHECK_MILLIS = 5;

    private final RecordingExecutor coordinator = new RecordingExecutor();
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(1);
    private EmbeddedEventStore store;
    private PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        if (store != null) {
            store.shutDown();
        }
        workers.shutdownNow();
        coordinator.shutdownNow();
    }

    @Test
    void shortensOnlyTheFullQueuesDelay_whenAsked() {
        ScheduledFuture<?> fullQueues = coordinator.schedule(() -> { }, 100, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> poll = coordinator.schedule(() -> { }, 500, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> hundredSeconds = coordinator.schedule(() -> { }, 100, TimeUnit.SECONDS);

        assertThat(fullQueues.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(RECHECK_MILLIS);
        assertThat(poll.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(400);
        assertThat(hundredSeconds.getDelay(TimeUnit.SECONDS)).isGreaterThan(90);
    }

    /** Pins the Axon behaviour the executor relies on: full queues make the coordinator ask for exactly 100 ms. */
    @Test
    void handlesEveryEventWithTheShortenedDelay_whenTheSegmentQueueIsFull() {
        int events = 3_000;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int i = 0; i < events; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }
        processor = PooledStreamingEventProcessor.builder()
                .name("pinned")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new BlockedHandler(release, handled)).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .batchSize(100)
                .build();

        processor.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> coordinator.asked.contains(100L));
        release.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.get() == events);
        assertThat(coordinator.given).as("the full-queues delay as this executor runs it")
                .contains(RECHECK_MILLIS).doesNotContain(100L);
    }

    /** Handles nothing until released: its segment's queue fills while it waits. */
    static final class BlockedHandler {

        private final CountDownLatch release;
        private final AtomicInteger handled;

        BlockedHandler(CountDownLatch release, AtomicInteger handled) {
            this.release = release;
            this.handled = handled;
        }

        @EventHandler
        void on(String event) throws InterruptedException {
            release.await();
            handled.incrementAndGet();
        }
    }

    /** Records the delays the coordinator asks for, and those this executor gives. */
    static final class RecordingExecutor extends CoordinatorExecutor {

        final List<Long> asked = new CopyOnWriteArrayList<>();
        final List<Long> given = new CopyOnWriteArrayList<>();

        RecordingExecutor() {
            super("pinned", RECHECK_MILLIS);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            ScheduledFuture<?> future = super.schedule(command, delay, unit);
            asked.add(unit.toMillis(delay));
            given.add(Math.round(future.getDelay(TimeUnit.MICROSECONDS) / 1000.0));
            return future;
        }
    }
}
