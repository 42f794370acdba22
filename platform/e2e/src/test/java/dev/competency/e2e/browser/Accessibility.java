package dev.competency.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.WebDriver;

/** axe-core on the page the browser shows: no violation of serious or critical impact may remain. */
final class Accessibility {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {
    }

    static void assertNoSeriousViolations(WebDriver driver, String page) {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.isErrored()).as("axe-core could not analyse %s: %s", page, results.getErrorMessage())
                .isFalse();
        List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        assertThat(blocking).withFailMessage("serious or critical accessibility violations on %s (%s):%n%s", page,
                driver.getCurrentUrl(), describe(blocking)).isEmpty();
    }

    private static String describe(List<Rule> rules) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : rules) {
            text.append("- [").append(rule.getImpact()).append("] ").append(rule.getId()).append(": ")
                    .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")\n");
            for (CheckedNode node : rule.getNodes()) {
                text.append("    at ").append(node.getTarget()).append(": ").append(node.getHtml()).append('\n')
                        .append("       ").append(String.valueOf(node.getFailureSummary()).replace("\n", "\n       "))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
