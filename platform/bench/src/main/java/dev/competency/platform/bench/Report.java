package dev.competency.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The measured numbers, each with the load average of the machine when it was taken. */
final class Report {

    private static final Logger log = LoggerFactory.getLogger(Report.class);
    private final List<String> lines = new ArrayList<>();

    void add(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args) + "  [load " + loadAverage() + "]";
        lines.add(line);
        log.info("RESULT {}", line);
    }

    void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        log.info("{}", line);
    }

    /** The 1, 5 and 15 minute load averages, as uptime shows them. */
    static String loadAverage() {
        Path proc = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(proc)) {
                String[] fields = Files.readString(proc).trim().split("\\s+");
                return fields[0] + " " + fields[1] + " " + fields[2];
            }
        } catch (IOException e) {
            log.debug("Cannot read {}", proc, e);
        }
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    String text() {
        return String.join(System.lineSeparator(), lines);
    }
}
