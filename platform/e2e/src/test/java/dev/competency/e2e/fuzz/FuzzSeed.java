package dev.competency.e2e.fuzz;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed of a fuzz run. By default each suite runs its own fixed seed, one that passed when it was set, so that
 * {@code mvn verify} fails only on a regression, never on a case no run drew before. {@code -De2e.fuzz.seed=random}
 * draws a new seed to explore; {@code -De2e.fuzz.seed=N} replays a run. The seed is printed at the start and named in
 * every failure, so that a failing case can be sent again exactly.
 */
final class FuzzSeed {

    private static final Logger log = LoggerFactory.getLogger(FuzzSeed.class);

    private FuzzSeed() {
    }

    /**
     * @param suite       the suite's name, for the log
     * @param fixedSeed   the seed the suite runs unless told otherwise
     */
    static long of(String suite, long fixedSeed) {
        String configured = System.getProperty("e2e.fuzz.seed", "").strip();
        long seed = configured.isEmpty() ? fixedSeed
                : configured.equals("random") ? new SecureRandom().nextLong() : Long.parseLong(configured);
        log.info("{} fuzz seed: {} (replay with -De2e.fuzz.seed={}; -De2e.fuzz.seed=random draws a new one)", suite,
                seed, seed);
        return seed;
    }

    /** Cases per operation: {@code -De2e.fuzz.cases=N}, else {@code defaultCount}. */
    static int casesPerOperation(int defaultCount) {
        return Integer.getInteger("e2e.fuzz.cases", defaultCount);
    }
}
