package dev.competency.e2e.performance;

import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS_TITLE;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PortalExtension;
import dev.competency.e2e.platform.PortalTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How soon the learner home shows something meaningful, in headless Chromium against the local platform: ten loads
 * of {@code /me} after signing in, each read from the browser's Performance API once the mastery table shows data.
 * Reported (on the console and in {@code target/performance/learner-home-paint.txt}), not asserted: the machine's
 * load decides the numbers more than the portal does.
 */
@PortalTest
class LearnerHomePaintIT {

    private static final Logger log = LoggerFactory.getLogger(LearnerHomePaintIT.class);
    private static final int LOADS = 10;
    private static final Pattern LEVEL_COLUMN = Pattern.compile("^(current )?level", Pattern.CASE_INSENSITIVE);

    /**
     * One load: first contentful paint, largest contentful paint (the browser's "meaningful" paint, and which element
     * it was) and the end of the load event, in ms since navigation start.
     */
    record Paint(double firstContentfulPaint, double largestContentfulPaint, String largestElement,
                 double loadEventEnd) {
    }

    @Test
    void reportsTheFirstMeaningfulPaint_ofTheLearnerHome(Portal portal) throws IOException {
        portal.signInAs(LEARNER_ADA, "My competencies");

        List<Paint> paints = new ArrayList<>();
        for (int load = 0; load < LOADS; load++) {
            portal.visit("/me");
            portal.awaitHeading("My competencies");
            portal.awaitCell(DESIGNS_APIS_TITLE, LEVEL_COLUMN);
            paints.add(read(portal));
        }

        assertThat(paints).as("every load was measured").allSatisfy(paint -> {
            assertThat(paint.firstContentfulPaint()).isPositive();
            assertThat(paint.largestContentfulPaint()).isGreaterThanOrEqualTo(paint.firstContentfulPaint());
        });
        String report = report(paints);
        log.info("\n{}", report);
        Path file = PortalExtension.workDirectory().resolve("performance").resolve("learner-home-paint.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    @SuppressWarnings("unchecked")
    private static Paint read(Portal portal) {
        Map<String, Object> entries = (Map<String, Object>) ((JavascriptExecutor) portal.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                const navigation = performance.getEntriesByType('navigation')[0];
                let largest = null;
                new PerformanceObserver(list => { const all = list.getEntries(); largest = all[all.length - 1]; })
                  .observe({type: 'largest-contentful-paint', buffered: true});
                setTimeout(() => done({
                  fcp: fcp ? fcp.startTime : -1,
                  lcp: largest ? largest.startTime : -1,
                  element: largest && largest.element
                    ? largest.element.tagName.toLowerCase() + ' "'
                      + (largest.element.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 40) + '"'
                    : 'unknown',
                  load: navigation ? navigation.loadEventEnd : -1
                }), 250);""");
        return new Paint(number(entries.get("fcp")), number(entries.get("lcp")), (String) entries.get("element"),
                number(entries.get("load")));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String report(List<Paint> paints) {
        StringBuilder text = new StringBuilder("Learner home (/me) in headless Chromium, " + paints.size()
                + " loads after sign-in, ms since navigation start\n");
        text.append(String.format("  p50 largest contentful paint %6.0f ms%n", p50(paints, Paint::largestContentfulPaint)))
                .append(String.format("  p50 first contentful paint   %6.0f ms%n", p50(paints, Paint::firstContentfulPaint)))
                .append(String.format("  p50 load event end           %6.0f ms%n", p50(paints, Paint::loadEventEnd)));
        for (int i = 0; i < paints.size(); i++) {
            Paint paint = paints.get(i);
            text.append(String.format("  load %2d: FCP %6.0f  LCP %6.0f (%s)  load %6.0f%n", i + 1,
                    paint.firstContentfulPaint(), paint.largestContentfulPaint(), paint.largestElement(),
                    paint.loadEventEnd()));
        }
        return text.toString();
    }

    /** The median: the mean of the two middle values of an even count. */
    private static double p50(List<Paint> paints, ToDoubleFunction<Paint> metric) {
        List<Double> sorted = paints.stream().map(metric::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
