package dev.competency.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.competency.platform.bench.BenchOptions.Phase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class BenchCommandLineTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void takesDefaults_whenNoOptionIsGiven() {
        BenchOptions options = learnerProfiles();

        assertThat(options.phases()).containsExactly(Phase.RAW, Phase.LATENCY, Phase.THROUGHPUT);
        assertThat(options.learners()).isEqualTo(10_000);
        assertThat(options.throughputWarmupLearners()).isEqualTo(5_000);
        assertThat(options.soakDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.jar()).isEqualTo(ROOT.resolve("services/learner-profiles/target/learner-profiles.jar"));
        assertThat(options.kafka()).isEmpty();
        assertThat(options.serviceHeap()).isEqualTo("2g");
    }

    @Test
    void readsPhasesInTheirOrderOnce_whenNamedInAnyCaseAndTwice() {
        BenchOptions options = learnerProfiles("--phases", "Soak,raw,soak", "--soak-minutes", "2", "--rate", "1_000",
                "--throughput-warmup", "0", "--service", "http://host:8083/", "--kafka", "k:9092", "--mongo", "m");

        assertThat(options.phases()).containsExactly(Phase.SOAK, Phase.RAW);
        assertThat(options.soakDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.rate()).isEqualTo(1_000);
        assertThat(options.throughputWarmupLearners()).isZero();
        assertThat(options.service()).contains("http://host:8083");
    }

    @Test
    void refusesOption_whenUnknownOrWithoutValueOrNotPositive() {
        assertThatThrownBy(() -> learnerProfiles("--rates", "10")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--rates");
        assertThatThrownBy(() -> learnerProfiles("--rate")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> learnerProfiles("--rate", "0")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--rate").hasMessageContaining("positive whole number, not '0'");
        assertThatThrownBy(() -> learnerProfiles("--throughput-warmup", "-1")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--throughput-warmup");
        assertThatThrownBy(() -> learnerProfiles("--phases", "raw,soaking")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("unknown phase 'soaking'");
    }

    @Test
    void refusesRunningService_whenItsBrokerOrStoreIsNotNamed() {
        assertThatThrownBy(() -> learnerProfiles("--service", "http://host:8083", "--kafka", "k:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--service needs --kafka and --mongo");
    }

    @Test
    void readsCommunityStreamOptions_withTheirDefaults_whenNoneAreGiven() {
        CommunityStreamBench.Options defaults = BenchCommandLine.parse(CommunityStreamBench.Options.class);
        CommunityStreamBench.Options given = BenchCommandLine.parse(CommunityStreamBench.Options.class,
                "--clients", "50", "--hold-seconds", "0", "--gateway-jar", "/tmp/gateway.jar");

        assertThat(List.of(defaults.clients, defaults.rate.perSecond, defaults.steadySeconds, defaults.holdSeconds,
                defaults.warmup)).containsExactly(1_000, 200, 60, 120, 20);
        assertThat(defaults.serviceHeap.size).isEqualTo("512m");
        assertThat(defaults.communityJar).isEmpty();
        assertThat(given.clients).isEqualTo(50);
        assertThat(given.holdSeconds).isZero();
        assertThat(given.gatewayJar).contains(Path.of("/tmp/gateway.jar"));
        assertThatThrownBy(() -> BenchCommandLine.parse(CommunityStreamBench.Options.class, "--clients", "many"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--clients");
    }

    @Test
    void readsAnalyticsOptions_withTheTargetsAsDefaults_whenNoneAreGiven() {
        AnalyticsBench.Options defaults = BenchCommandLine.parse(AnalyticsBench.Options.class);
        AnalyticsBench.Options given = BenchCommandLine.parse(AnalyticsBench.Options.class, "--group-by", "team",
                "--rebuild-events", "150000", "--service-heap", "1g");

        assertThat(List.of(defaults.workload.learners, defaults.workload.competencies, defaults.rate.perSecond, defaults.intakeSeconds,
                defaults.queries, defaults.rebuildEvents)).containsExactly(10_000, 200, 5_000, 60, 200, 1_000_000);
        assertThat(defaults.groupBy).isEqualTo("unit");
        assertThat(defaults.serviceHeap.size).isEqualTo("3g");
        assertThat(given.groupBy).isEqualTo("team");
        assertThat(given.rebuildEvents).isEqualTo(150_000);
        assertThat(given.serviceHeap.size).isEqualTo("1g");
    }

    @Test
    void listsEveryOptionWithItsDefault_whenUsageIsAsked() {
        assertThat(BenchCommandLine.parse(AnalyticsBench.Options.class, "--help").help.requested).isTrue();
        assertThat(BenchCommandLine.usage(CommunityStreamBench.Options.class))
                .contains("--clients=N", "(default 1000)", "--community-jar=PATH", "--help");
        assertThat(BenchCommandLine.usage(BenchOptions.Arguments.class))
                .contains("--soak-minutes=N", "(default 30)", "raw,latency,throughput,asof,rebuild,soak");
        assertThat(BenchCommandLine.usage(AnalyticsBench.Options.class)).contains("--rate=N", "(default 5000)",
                "--service-heap=SIZE", "(default 3g)", "services/analytics/target/analytics.jar)");
        assertThat(BenchCommandLine.usage(CommunityStreamBench.Options.class)).contains("(default 200)",
                "(default 512m)");
    }

    private static BenchOptions learnerProfiles(String... args) {
        return BenchOptions.of(BenchCommandLine.parse(BenchOptions.Arguments.class, args), ROOT);
    }
}
