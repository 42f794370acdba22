package dev.competency.platform.service.axon;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;

/**
 * The coordinator thread of a pooled streaming processor, which looks again for room in its segments' queues every
 * {@code recheck} instead of after Axon's fixed 100 ms.
 *
 * <p>The coordinator hands every event to the queue of every segment, and stops reading once one queue holds 1,024
 * (Axon's {@code WorkPackage.BUFFER_SIZE}); it then looks again after 100 ms (Axon's {@code Coordinator}, the only
 * delay of exactly 100 ms it asks for). In a backlog or a rebuild the segments empty their queues in well under that,
 * then wait for the rest of it. This executor shortens that one delay; every other delay Axon asks for (its polls,
 * its back-off after an error) stays as asked. It relies on Axon 4's coordinator as it is (the version pinned in the
 * parent {@code pom.xml}); {@code CoordinatorExecutorTest} pins the delay it shortens.
 *
 * <p>Kept for what it measured with {@code platform/bench} against Axon's 100 ms, back to back, with two segments
 * (rebuild about 50 % faster; {@code docs/benchmarks.md}, 2026-12-07, fourth entry), the 100 ms set through
 * {@code PLATFORM_EVENT_PROCESSING_FULL_QUEUE_RECHECK=100ms}, with the service's processors pooled (the services
 * run tracking processors unless told otherwise):
 * <pre>
 * EVENT_PROCESSOR_MODE=pooled EVENT_PROCESSOR_SEGMENTS=2 EVENT_PROCESSOR_THREADS=2 \
 * MAVEN_OPTS=-Xmx6g mvn -o -B -q -pl platform/bench compile exec:java \
 *   -Dexec.args="--phases throughput,latency,rebuild --learners 4000 --competencies 20 --rate 1000 \
 *   --latency-seconds 30 --warmup-seconds 30 --rebuild-evidence 100000 --service-heap 2g"
 * </pre>
 */
class CoordinatorExecutor extends ScheduledThreadPoolExecutor {

    /** The delay Axon's coordinator asks for when the queues of its segments are full. */
    static final long FULL_QUEUES_DELAY_MILLIS = 100;

    private final long recheckMillis;

    /**
     * @param processorName the processor, for the thread's name (as Axon names it)
     * @param recheckMillis how long the coordinator waits for room in full queues, instead of 100 ms
     */
    CoordinatorExecutor(String processorName, long recheckMillis) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
        this.recheckMillis = recheckMillis;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return unit == TimeUnit.MILLISECONDS && delay == FULL_QUEUES_DELAY_MILLIS
                ? super.schedule(command, recheckMillis, TimeUnit.MILLISECONDS)
                : super.schedule(command, delay, unit);
    }
}
