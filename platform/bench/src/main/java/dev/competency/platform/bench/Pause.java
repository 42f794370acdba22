package dev.competency.platform.bench;

import java.time.Duration;

/** Waiting between polls of something the bench cannot be notified about (an HTTP status, a count in the store). */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
