package dev.competency.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {

    private static final int RATE = 1_000;

    @Test
    void judgesStable_whenLastMinutesMatchFirst() {
        SoakVerdict verdict = SoakVerdict.of(steady(30), RATE);

        assertThat(verdict.window()).isEqualTo(5);
        assertThat(verdict.heapAfterGcMb()).isEqualTo(new SoakVerdict.Comparison(200, 200));
        assertThat(verdict.stable()).isTrue();
        assertThat(verdict.text()).contains("STABLE").doesNotContain("NOT STABLE");
    }

    @Test
    void comparesMedians_whenOneMinuteOfAWindowSpikes() {
        List<SoakRow> rows = steady(30);
        rows.set(1, row(2, 60_000, 0, 10, 5_000, 200));
        rows.set(27, row(28, 60_000, 0, 10, 5_000, 200));

        SoakVerdict verdict = SoakVerdict.of(rows, RATE);

        assertThat(verdict.p99Millis()).isEqualTo(new SoakVerdict.Comparison(100, 100));
        assertThat(verdict.stable()).isTrue();
    }

    @Test
    void findsHeapGrowth_whenLastMinutesHoldMoreThanAFifthMore() {
        List<SoakRow> rows = steady(30);
        for (int m = 25; m < 30; m++) {
            rows.set(m, row(m + 1, 60_000, 0, 10, 100, 241));
        }

        SoakVerdict verdict = SoakVerdict.of(rows, RATE);

        assertThat(verdict.heapStable()).isFalse();
        assertThat(verdict.lagStable()).isTrue();
        assertThat(verdict.text()).contains("NOT STABLE (heap)").contains("200 -> 241 MB (+20.5 %");
    }

    @Test
    void keepsHeapStable_whenGrowthIsWithinAFifth() {
        List<SoakRow> rows = steady(30);
        for (int m = 25; m < 30; m++) {
            rows.set(m, row(m + 1, 60_000, 0, 10, 100, 240));
        }

        assertThat(SoakVerdict.of(rows, RATE).heapStable()).isTrue();
    }

    @Test
    void findsLagGrowth_whenLagPassesTwiceTheFirstAndASecondOfEvidence() {
        List<SoakRow> growing = steady(10);
        List<SoakRow> withinASecond = steady(10);
        for (int m = 5; m < 10; m++) {
            growing.set(m, row(m + 1, 60_000, 0, 1_001, 100, 200));
            withinASecond.set(m, row(m + 1, 60_000, 0, 1_000, 100, 200));
        }

        assertThat(SoakVerdict.of(growing, RATE).lagStable()).isFalse();
        assertThat(SoakVerdict.of(growing, RATE).text()).contains("NOT STABLE (lag)");
        assertThat(SoakVerdict.of(withinASecond, RATE).lagStable()).isTrue();
    }

    @Test
    void findsLatencyGrowth_whenP99MoreThanHalfAgainAsLong() {
        List<SoakRow> rows = steady(10);
        for (int m = 5; m < 10; m++) {
            rows.set(m, row(m + 1, 60_000, 0, 10, 151, 200));
        }

        SoakVerdict verdict = SoakVerdict.of(rows, RATE);

        assertThat(verdict.p99Millis().ratio()).isEqualTo(1.51);
        assertThat(verdict.p99Stable()).isFalse();
    }

    @Test
    void saysSenderFellBehind_whenAMinuteSentTooFewOrTheBacklogPassedASecond() {
        List<SoakRow> shortMinute = steady(10);
        shortMinute.set(4, row(5, 59_399, 0, 10, 100, 200));
        List<SoakRow> backlog = steady(10);
        backlog.set(4, row(5, 60_000, 1_001, 10, 100, 200));

        SoakVerdict fewer = SoakVerdict.of(shortMinute, RATE);

        assertThat(fewer.rateHeld()).isFalse();
        assertThat(fewer.fewestSent()).isEqualTo(59_399);
        assertThat(fewer.text()).contains("the sender fell behind");
        assertThat(SoakVerdict.of(backlog, RATE).rateHeld()).isFalse();
        assertThat(SoakVerdict.of(steady(10), RATE).rateHeld()).isTrue();
    }

    @Test
    void halvesTheWindow_whenTheRunIsShorterThanTenMinutes() {
        List<SoakRow> rows = steady(7);
        rows.set(0, row(1, 60_000, 0, 10, 100, 100));
        rows.set(1, row(2, 60_000, 0, 10, 100, 150));
        rows.set(2, row(3, 60_000, 0, 10, 100, 300));

        SoakVerdict verdict = SoakVerdict.of(rows, RATE);

        assertThat(verdict.window()).isEqualTo(3);
        assertThat(verdict.heapAfterGcMb()).isEqualTo(new SoakVerdict.Comparison(150, 200));
    }

    @Test
    void judgesHeapUnstable_whenTheServiceDidNotAnswerItsGauge() {
        List<SoakRow> rows = steady(10);
        rows.set(9, row(10, 60_000, 0, 10, 100, Double.NaN));

        SoakVerdict verdict = SoakVerdict.of(rows, RATE);

        assertThat(verdict.heapStable()).isFalse();
        assertThat(verdict.text()).contains("old gen after GC not read");
    }

    @Test
    void refusesAVerdict_whenFewerThanTwoMinutes() {
        assertThatThrownBy(() -> SoakVerdict.of(steady(1), RATE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesRowAsMarkdown_whenTheServiceDidNotAnswerSomeGauges() {
        SoakRow row = new SoakRow(3, 60_000, 2, 15, 480, 59_990, 41.25, 180.0, 412.3, 210.4, Double.NaN, 35.2,
                1_830.6, "2.10 3.00 4.50");

        assertThat(row.markdown()).isEqualTo("| 3 | 60,000 | 2 | 15 / 480 | 59,990 | 41.3 | 180.0 | 412.3 | 210 | n/a"
                + " | 35 | 1831 | 2.10 3.00 4.50 |");
        assertThat(SoakRow.HEADER.lines().findFirst().orElseThrow().split("\\|"))
                .hasSize(row.markdown().split("\\|").length);
    }

    private static List<SoakRow> steady(int minutes) {
        List<SoakRow> rows = new ArrayList<>();
        for (int m = 1; m <= minutes; m++) {
            rows.add(row(m, 60_000, 3, 10, 100, 200));
        }
        return rows;
    }

    private static SoakRow row(int minute, long sent, long backlog, long lagEnd, double p99, double heapMb) {
        return new SoakRow(minute, sent, backlog, lagEnd, lagEnd, sent, p99 / 3, p99, p99 * 2, heapMb, heapMb * 1.5,
                20, 1_500, "1.00 1.00 1.00");
    }
}
