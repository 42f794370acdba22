package dev.competency.e2e.fuzz;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed of a fuzz run: {@code -De2e.fuzz.seed=N} replays a run, otherwise a new one is drawn. It is printed at the
 * start and named in every failure, so that a failing case can be sent again exactly.
 */
final class FuzzSeed {

    private static final Logger log = LoggerFactory.getLogger(FuzzSeed.class);

    private FuzzSeed() {
    }

    static long of(String suite) {
        String configured = System.getProperty("e2e.fuzz.seed");
        long seed = configured != null ? Long.parseLong(configured.strip()) : new SecureRandom().nextLong();
        log.info("{} fuzz seed: {} (replay with -De2e.fuzz.seed={})", suite, seed, seed);
        return seed;
    }

    /** Cases per operation: {@code -De2e.fuzz.cases=N}, else {@code defaultCount}. */
    static int casesPerOperation(int defaultCount) {
        return Integer.getInteger("e2e.fuzz.cases", defaultCount);
    }
}
