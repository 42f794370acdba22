package dev.competency.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    private static final Pattern WITH_SERVICE = Pattern.compile(
            "service (\\d+\\.\\d) ms, bench JVM (\\d+\\.\\d) ms of CPU per 1,000 events(; cores \\d+ % busy)?");

    @Test
    void givesTheServicesAndTheBenchsCpuPerThousand_whenTheServiceIsAProcessHere() {
        CpuUse cpu = CpuUse.start(OptionalLong.of(ProcessHandle.current().pid()));

        burnCpuMillis(50);
        Matcher line = WITH_SERVICE.matcher(cpu.per1000(10, "events"));

        assertThat(line.matches()).as(line.toString()).isTrue();
        // 50 ms over 10 events, read in clock ticks of 10 ms: more than 3,000 ms per 1,000, for this JVM as the service
        // and as the bench.
        assertThat(Double.parseDouble(line.group(1))).isGreaterThan(3_000);
        assertThat(Double.parseDouble(line.group(2))).isGreaterThan(3_000);
    }

    @Test
    void leavesTheServiceOut_whenItRunsOutsideTheBench() {
        CpuUse cpu = CpuUse.start(OptionalLong.empty());

        assertThat(cpu.per1000(1_000, "evidence")).startsWith("bench JVM ").contains(" ms of CPU per 1,000 evidence");
    }

    @Test
    void givesZeroPerThousand_whenNothingWasCounted() {
        CpuUse cpu = CpuUse.start(OptionalLong.of(ProcessHandle.current().pid()));

        assertThat(cpu.per1000(0, "evidence")).startsWith("service 0.0 ms, bench JVM 0.0 ms of CPU per 1,000 evidence");
    }

    private static void burnCpuMillis(long millis) {
        long start = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
        double sink = 0;
        while (ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() - start < millis) {
            for (int i = 1; i < 100_000; i++) {
                sink += Math.sqrt(i);
            }
        }
        assertThat(sink).isPositive();
    }
}
