package dev.competency.platform.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the bench was asked to do.
 *
 * @param kafka bootstrap servers of a running broker; empty to start the embedded broker
 * @param mongo connection string (without database) of a running store; empty to start the embedded server
 * @param service base URL of a running learner-profiles service; empty to start its jar as a child process
 * @param adminToken bearer token with the ADMIN role for a running service; empty to sign one the started service
 *                   trusts
 * @param database the service's database when the bench starts it
 * @param jar the learner-profiles executable jar
 * @param serviceHeap maximum heap of the started service
 * @param phases what to measure, in this order
 * @param learners learners of the intake workload
 * @param competencies competencies per learner (one evidence each)
 * @param rate evidence per second of the latency phase
 * @param latencyDuration how long the latency phase sends, after its warm-up
 * @param warmup how long the latency phase sends before it records
 * @param throughputWarmupLearners learners of their own whose evidence is sent, and its changes awaited, before the
 *                                 throughput phase (0 for none)
 * @param rawMessages messages of the raw Kafka produce/consume comparison
 * @param asOfEvidence evidence events of the learner the as-of queries read
 * @param asOfQueries measured as-of queries of each kind
 * @param asOfWarmup unmeasured as-of queries before them, the kinds in turn
 * @param rebuildEvidence evidence events in the store when the rebuild starts (the store is topped up by copying
 *                        stored learners)
 * @param soakDuration how long the soak phase sends at {@code rate}
 * @param timeout the longest wait of any phase
 */
record BenchOptions(Optional<String> kafka, Optional<String> mongo, Optional<String> service,
                    Optional<String> adminToken, String database, Path jar, String serviceHeap, List<Phase> phases,
                    int learners, int competencies, int rate, Duration latencyDuration, Duration warmup,
                    int throughputWarmupLearners,
                    int rawMessages, int asOfEvidence, int asOfQueries, int asOfWarmup, int rebuildEvidence,
                    Duration soakDuration, Duration timeout) {

    enum Phase { RAW, LATENCY, THROUGHPUT, ASOF, REBUILD, SOAK }

    static final String USAGE = """
            Usage: LearnerProfilesBench [options]
              --phases LIST            comma-separated, run in this order: raw,latency,throughput,asof,rebuild,soak
                                       (default raw,latency,throughput)
              --learners N             learners of the intake workload (default 10000)
              --competencies N         competencies per learner, one evidence each (default 20)
              --rate N                 evidence/s of the open-loop latency and soak phases (default 1000)
              --latency-seconds N      recorded seconds of the latency phase (default 30)
              --warmup-seconds N       unrecorded seconds before it (default 5)
              --throughput-warmup N    learners of their own sent through, and awaited, before the throughput
                                       phase, one evidence per competency (default half of
                                       --learners; 0 for none)
              --raw-messages N         messages of the raw Kafka comparison (default 200000)
              --asof-evidence N        evidence of the learner the as-of queries read (default 10000)
              --asof-queries N         measured as-of queries of each kind (default 1000)
              --asof-warmup N          unmeasured as-of queries before them, kinds in turn (default 1500)
              --rebuild-evidence N     evidence events in the store when the rebuild starts (default 1000000)
              --soak-minutes N         minutes the soak phase sends at --rate, a row each minute (default 30)
              --timeout-seconds N      longest wait of any phase (default 1800)
              --kafka HOST:PORT        use this broker instead of starting the embedded one
              --mongo URI              use this store (mongodb://host:port) instead of the embedded one
              --service URL            use this running service instead of starting its jar
              --admin-token TOKEN      ADMIN bearer token for --service (asof and rebuild need it)
              --database NAME          database of the started service (default learner-profiles-bench)
              --jar PATH               learner-profiles jar (default services/learner-profiles/target/learner-profiles.jar)
              --service-heap SIZE      -Xmx of the started service (default 2g)
              --help                   show this text""";

    static BenchOptions parse(String[] args, Path root) {
        Optional<String> kafka = Optional.empty();
        Optional<String> mongo = Optional.empty();
        Optional<String> service = Optional.empty();
        Optional<String> adminToken = Optional.empty();
        String database = "learner-profiles-bench";
        Path jar = root.resolve("services/learner-profiles/target/learner-profiles.jar");
        String serviceHeap = "2g";
        List<Phase> phases = List.of(Phase.RAW, Phase.LATENCY, Phase.THROUGHPUT);
        int learners = 10_000;
        int competencies = 20;
        int rate = 1_000;
        int latencySeconds = 30;
        int warmupSeconds = 5;
        Integer throughputWarmup = null;
        int rawMessages = 200_000;
        int asOfEvidence = 10_000;
        int asOfQueries = 1_000;
        int asOfWarmup = 1_500;
        int rebuildEvidence = 1_000_000;
        int soakMinutes = 30;
        int timeoutSeconds = 1_800;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--phases" -> phases = phases(value(option, rest));
                case "--learners" -> learners = positive(option, rest);
                case "--competencies" -> competencies = positive(option, rest);
                case "--rate" -> rate = positive(option, rest);
                case "--latency-seconds" -> latencySeconds = positive(option, rest);
                case "--warmup-seconds" -> warmupSeconds = positive(option, rest);
                case "--throughput-warmup" -> throughputWarmup = nonNegative(option, rest);
                case "--raw-messages" -> rawMessages = positive(option, rest);
                case "--asof-evidence" -> asOfEvidence = positive(option, rest);
                case "--asof-queries" -> asOfQueries = positive(option, rest);
                case "--asof-warmup" -> asOfWarmup = positive(option, rest);
                case "--rebuild-evidence" -> rebuildEvidence = positive(option, rest);
                case "--soak-minutes" -> soakMinutes = positive(option, rest);
                case "--timeout-seconds" -> timeoutSeconds = positive(option, rest);
                case "--kafka" -> kafka = Optional.of(value(option, rest));
                case "--mongo" -> mongo = Optional.of(value(option, rest));
                case "--service" -> service = Optional.of(stripSlash(value(option, rest)));
                case "--admin-token" -> adminToken = Optional.of(value(option, rest));
                case "--database" -> database = value(option, rest);
                case "--jar" -> jar = Path.of(value(option, rest)).toAbsolutePath();
                case "--service-heap" -> serviceHeap = value(option, rest);
                default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
            }
        }
        if (service.isPresent() && (kafka.isEmpty() || mongo.isEmpty())) {
            throw new IllegalArgumentException("--service needs --kafka and --mongo: the ones that service uses");
        }
        return new BenchOptions(kafka, mongo, service, adminToken, database, jar, serviceHeap, phases, learners,
                competencies, rate, Duration.ofSeconds(latencySeconds), Duration.ofSeconds(warmupSeconds),
                throughputWarmup != null ? throughputWarmup : learners / 2, rawMessages, asOfEvidence, asOfQueries,
                asOfWarmup, rebuildEvidence, Duration.ofMinutes(soakMinutes), Duration.ofSeconds(timeoutSeconds));
    }

    private static List<Phase> phases(String value) {
        List<Phase> phases = new ArrayList<>();
        Set<Phase> seen = EnumSet.noneOf(Phase.class);
        for (String name : value.split(",")) {
            try {
                Phase phase = Phase.valueOf(name.strip().toUpperCase(Locale.ROOT));
                if (seen.add(phase)) {
                    phases.add(phase);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown phase '" + name + "'\n" + USAGE, e);
            }
        }
        return List.copyOf(phases);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return rest.remove(0);
    }

    private static int positive(String option, List<String> rest) {
        return atLeast(1, "a positive whole number", option, rest);
    }

    private static int nonNegative(String option, List<String> rest) {
        return atLeast(0, "a whole number, 0 or more", option, rest);
    }

    private static int atLeast(int least, String what, String option, List<String> rest) {
        String value = value(option, rest).replace("_", "");
        try {
            int number = Integer.parseInt(value);
            if (number < least) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs " + what + ", not '" + value + "'", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
