package dev.competency.faults.check;

import dev.competency.faults.platform.GatewayClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row per fault: how long the platform was partly down, what clients were answered meanwhile, how long until the
 * invariants held again, and what was lost or duplicated. Printed as a table at the end of the run.
 */
public final class RecoveryReport {

    /**
     * How long after the first successful answer of a service that is back a 503 with Retry-After is still expected:
     * the gateway's circuit for the service may open once more (for 10 s) when its trial calls straddled the outage.
     */
    public static final Duration CIRCUIT_GRACE = Duration.ofSeconds(15);

    private final List<Row> rows = new ArrayList<>();
    private final List<Window> downWindows = new ArrayList<>();

    /**
     * @param fault        what was done
     * @param down         from the fault to the service reporting UP again (empty when nothing went down)
     * @param unavailable  503 answers with Retry-After during the fault
     * @param otherErrors  any other 5xx answer, or a 503 without Retry-After or outside a down window
     * @param converged    from the fault to the invariants holding again (empty when they did not)
     * @param outcome      the last invariant check
     * @param note         anything else worth a column
     */
    public record Row(String fault, Optional<Duration> down, int unavailable, int otherErrors,
                      Optional<Duration> converged, Invariants.Outcome outcome, String note) {
    }

    private record Window(String service, Instant from, Instant to) {
    }

    private final GatewayClient api;

    public RecoveryReport(GatewayClient api) {
        this.api = api;
    }

    /** The service was down from {@code from} to {@code to} (when it reported UP again). */
    public synchronized void down(String service, Instant from, Instant to) {
        downWindows.add(new Window(service, from, to));
    }

    /**
     * Whether a 5xx answer was allowed: a 503 with Retry-After on a path of a service that was down, from when it went
     * down until {@link #CIRCUIT_GRACE} after the first successful answer on one of its paths once it was UP again.
     */
    public synchronized boolean allowed(GatewayClient.Answer answer) {
        return answer.status() == 503 && answer.retryAfter().isPresent() && downWindows.stream()
                .anyMatch(window -> window.service().equals(answer.service())
                        && !answer.at().isBefore(window.from())
                        && !answer.at().isAfter(api.firstSuccess(window.service(), window.to())
                                .orElse(Instant.MAX.minus(CIRCUIT_GRACE)).plus(CIRCUIT_GRACE)));
    }

    public synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized String table() {
        StringBuilder table = new StringBuilder();
        String format = "| %-46s | %8s | %5s | %9s | %9s | %8s | %4s | %4s | %5s | %5s | %9s | %7s | %4s | %7s "
                + "| %9s | %s%n";
        table.append(String.format(format, "fault", "down s", "503", "other 5xx", "settled s", "evidence", "lost",
                "dup", "voids", "count", "analytics", "consist", "fold", "changes", "community", "note"));
        table.append(String.format(format, "-".repeat(46), "-".repeat(8), "-".repeat(5), "-".repeat(9),
                "-".repeat(9), "-".repeat(8), "-".repeat(4), "-".repeat(4), "-".repeat(5), "-".repeat(5),
                "-".repeat(9), "-".repeat(7), "-".repeat(4), "-".repeat(7), "-".repeat(9), "---"));
        for (Row row : rows) {
            Invariants.Outcome outcome = row.outcome();
            table.append(String.format(format, row.fault(), row.down().map(RecoveryReport::seconds).orElse("-"),
                    row.unavailable(), row.otherErrors(),
                    outcome == null ? "-" : row.converged().map(RecoveryReport::seconds).orElse("never"),
                    outcome == null ? "-" : outcome.evidence(), outcome == null ? "-" : outcome.lost(),
                    outcome == null ? "-" : outcome.duplicates(), outcome == null ? "-" : outcome.voidsNotApplied(),
                    outcome == null ? "-" : outcome.countMismatches(),
                    outcome == null ? "-" : outcome.analyticsAgrees() ? "equal" : "DIFFERS",
                    outcome == null ? "-" : outcome.mastery().readModelDifferences(),
                    outcome == null ? "-" : outcome.mastery().foldMismatches(),
                    outcome == null ? "-" : outcome.mastery().unexplainedChanges(),
                    outcome == null ? "-" : outcome.mastery().communityMismatches(), row.note()));
        }
        return table.toString();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
