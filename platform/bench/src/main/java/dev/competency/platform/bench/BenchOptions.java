package dev.competency.platform.bench;

import dev.competency.platform.bench.BenchCommandLine.Help;
import dev.competency.platform.bench.BenchCommandLine.NonNegative;
import dev.competency.platform.bench.BenchCommandLine.Positive;
import dev.competency.platform.bench.BenchCommandLine.Rate;
import dev.competency.platform.bench.BenchCommandLine.ServiceHeap;
import dev.competency.platform.bench.BenchCommandLine.ServiceJar;
import dev.competency.platform.bench.BenchCommandLine.WorkloadSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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

    /** The command line of {@link LearnerProfilesBench}. */
    @Command(name = "LearnerProfilesBench", usageHelpWidth = 120,
            description = {"Measures the learner-profiles service end to end on the real broker and store.",
                    "The workload: --learners, each with one evidence per competency; --rate paces the latency and "
                            + "soak phases (evidence/s)."})
    static final class Arguments {

        @Option(names = "--phases", paramLabel = "LIST", split = ",", defaultValue = "raw,latency,throughput",
                converter = PhaseName.class, description = "comma-separated, run in this order: "
                + "raw,latency,throughput,asof,rebuild,soak (default ${DEFAULT-VALUE})")
        List<Phase> phases;

        @Mixin
        WorkloadSize workload = new WorkloadSize(10_000, 20);

        @Mixin
        Rate rate = new Rate(1_000);

        @Option(names = "--latency-seconds", paramLabel = "N", defaultValue = "30", converter = Positive.class,
                description = "recorded seconds of the latency phase (default ${DEFAULT-VALUE})")
        int latencySeconds;

        @Option(names = "--warmup-seconds", paramLabel = "N", defaultValue = "5", converter = Positive.class,
                description = "unrecorded seconds before it (default ${DEFAULT-VALUE})")
        int warmupSeconds;

        @Option(names = "--throughput-warmup", paramLabel = "N", converter = NonNegative.class,
                description = "learners of their own sent through, and awaited, before the throughput phase, one "
                        + "evidence per competency (default half of --learners; 0 for none)")
        Integer throughputWarmup;

        @Option(names = "--raw-messages", paramLabel = "N", defaultValue = "200000", converter = Positive.class,
                description = "messages of the raw Kafka comparison (default ${DEFAULT-VALUE})")
        int rawMessages;

        @Option(names = "--asof-evidence", paramLabel = "N", defaultValue = "10000", converter = Positive.class,
                description = "evidence of the learner the as-of queries read (default ${DEFAULT-VALUE})")
        int asOfEvidence;

        @Option(names = "--asof-queries", paramLabel = "N", defaultValue = "1000", converter = Positive.class,
                description = "measured as-of queries of each kind (default ${DEFAULT-VALUE})")
        int asOfQueries;

        @Option(names = "--asof-warmup", paramLabel = "N", defaultValue = "1500", converter = Positive.class,
                description = "unmeasured as-of queries before them, kinds in turn (default ${DEFAULT-VALUE})")
        int asOfWarmup;

        @Option(names = "--rebuild-evidence", paramLabel = "N", defaultValue = "1000000", converter = Positive.class,
                description = "evidence events in the store when the rebuild starts (default ${DEFAULT-VALUE})")
        int rebuildEvidence;

        @Option(names = "--soak-minutes", paramLabel = "N", defaultValue = "30", converter = Positive.class,
                description = "minutes the soak phase sends at --rate, a row each minute (default ${DEFAULT-VALUE})")
        int soakMinutes;

        @Option(names = "--timeout-seconds", paramLabel = "N", defaultValue = "1800", converter = Positive.class,
                description = "longest wait of any phase (default ${DEFAULT-VALUE})")
        int timeoutSeconds;

        @Option(names = "--kafka", paramLabel = "HOST:PORT",
                description = "use this broker instead of starting the embedded one")
        Optional<String> kafka = Optional.empty();

        @Option(names = "--mongo", paramLabel = "URI",
                description = "use this store (mongodb://host:port) instead of the embedded one")
        Optional<String> mongo = Optional.empty();

        @Option(names = "--service", paramLabel = "URL", description = "use this running service instead of starting "
                + "its jar")
        Optional<String> service = Optional.empty();

        @Option(names = "--admin-token", paramLabel = "TOKEN",
                description = "ADMIN bearer token for --service (asof and rebuild need it)")
        Optional<String> adminToken = Optional.empty();

        @Option(names = "--database", paramLabel = "NAME", defaultValue = "learner-profiles-bench",
                description = "database of the started service (default ${DEFAULT-VALUE})")
        String database;

        @Mixin
        ServiceJar jar = new ServiceJar("services/learner-profiles/target/learner-profiles.jar");

        @Mixin
        ServiceHeap serviceHeap = new ServiceHeap("2g");

        @Mixin
        Help help;
    }

    /**
     * The options given on the command line.
     *
     * @param root the repository, against which the default jar is found
     * @throws IllegalArgumentException when --service comes without --kafka and --mongo
     */
    static BenchOptions of(Arguments arguments, Path root) {
        if (arguments.service.isPresent() && (arguments.kafka.isEmpty() || arguments.mongo.isEmpty())) {
            throw new IllegalArgumentException("--service needs --kafka and --mongo: the ones that service uses");
        }
        int learners = arguments.workload.learners;
        return new BenchOptions(arguments.kafka, arguments.mongo, arguments.service.map(BenchOptions::stripSlash),
                arguments.adminToken, arguments.database, arguments.jar.in(root), arguments.serviceHeap.size,
                List.copyOf(new LinkedHashSet<>(arguments.phases)), learners, arguments.workload.competencies,
                arguments.rate.perSecond, Duration.ofSeconds(arguments.latencySeconds),
                Duration.ofSeconds(arguments.warmupSeconds),
                arguments.throughputWarmup != null ? arguments.throughputWarmup : learners / 2,
                arguments.rawMessages, arguments.asOfEvidence, arguments.asOfQueries, arguments.asOfWarmup,
                arguments.rebuildEvidence, Duration.ofMinutes(arguments.soakMinutes),
                Duration.ofSeconds(arguments.timeoutSeconds));
    }

    /** A phase by its name in any case. */
    static final class PhaseName implements ITypeConverter<Phase> {

        @Override
        public Phase convert(String name) {
            try {
                return Phase.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown phase '" + name + "'");
            }
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
