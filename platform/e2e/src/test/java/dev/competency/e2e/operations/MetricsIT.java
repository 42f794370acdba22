package dev.competency.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.e2e.platform.PortalTest;
import dev.competency.e2e.platform.RunningPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every series that the alert rules, the Grafana dashboard and the KEDA autoscalers query is one the running
 * platform emits: each service's and the gateway's {@code /actuator/prometheus} is scraped and the names in every
 * PromQL expression are looked up. Only what Prometheus or a cluster adds is exempt: {@code up} and
 * kube-state-metrics' {@code kube_*}.
 */
@PortalTest
class MetricsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    /**
     * Micrometer binds a Kafka client's per-topic and per-partition metrics on its next refresh (every minute) after
     * the client first sends or fetches, so a series the demo's traffic creates may show up to a minute late: the
     * scrapes are repeated until nothing is missing or two minutes have passed.
     */
    @Test
    void emitsEverySeriesTheAlertsTheDashboardAndTheAutoscalersQuery_whenThePlatformRuns(RunningPlatform platform)
            throws IOException {
        Map<String, Set<String>> queried = new LinkedHashMap<>();
        for (String expression : alertExpressions(platform.repositoryFile("platform/monitoring/alerts.yml"))) {
            queried.computeIfAbsent(expression, e -> metricNames(e));
        }
        for (String expression : dashboardExpressions(platform.repositoryFile(
                "platform/monitoring/grafana/dashboards/competency-platform.json"))) {
            queried.computeIfAbsent(expression, e -> metricNames(e));
        }
        for (String expression : scaledObjectQueries(platform.repositoryFile(
                "k8s/components/keda/scaled-objects.yaml"))) {
            queried.computeIfAbsent(expression, e -> metricNames(e));
        }
        assertThat(queried).as("expressions found").hasSizeGreaterThan(10);

        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
            Set<String> emitted = new TreeSet<>();
            Map<String, URI> targets = new LinkedHashMap<>(platform.services());
            targets.put("gateway", platform.gateway());
            targets.forEach((name, base) -> emitted.addAll(seriesOf(name, base.resolve("/actuator/prometheus"))));
            List<String> missing = new ArrayList<>();
            queried.forEach((expression, names) -> names.stream()
                    .filter(name -> !name.equals("up") && !name.startsWith("kube_") && !emitted.contains(name))
                    .forEach(name -> missing.add(name + " in: " + expression)));
            assertThat(missing).as("series queried but emitted by no application").isEmpty();
        });
    }

    private static Set<String> seriesOf(String application, URI scrape) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(scrape).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot scrape " + application + " at " + scrape, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as(application + " " + scrape).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher name = IDENTIFIER.matcher(line);
                if (name.lookingAt()) {
                    names.add(name.group());
                }
            }
        }
        return names;
    }

    /** The {@code expr} of every rule, inline or as a folded block. */
    static List<String> alertExpressions(Path rules) throws IOException {
        List<String> expressions = new ArrayList<>();
        List<String> lines = Files.readAllLines(rules);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (!trimmed.startsWith("expr:")) {
                continue;
            }
            String value = trimmed.substring("expr:".length()).strip();
            if (!value.startsWith(">") && !value.startsWith("|")) {
                expressions.add(value);
                continue;
            }
            int indent = line.indexOf("expr:");
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                    || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                block.append(' ').append(lines.get(++i).strip());
            }
            expressions.add(block.toString().strip());
        }
        return expressions;
    }

    /** The {@code query} of every KEDA Prometheus trigger (one line each). */
    static List<String> scaledObjectQueries(Path scaledObjects) throws IOException {
        return Files.readAllLines(scaledObjects).stream().map(String::strip)
                .filter(line -> line.startsWith("query:"))
                .map(line -> line.substring("query:".length()).strip())
                .toList();
    }

    static List<String> dashboardExpressions(Path dashboard) throws IOException {
        List<String> expressions = new ArrayList<>();
        collect(JsonMapper.builder().build().readTree(Files.readString(dashboard)), expressions);
        return expressions;
    }

    private static void collect(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (field.getKey().equals("expr") && field.getValue().isString()) {
                    expressions.add(field.getValue().asString());
                } else {
                    collect(field.getValue(), expressions);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, expressions));
        }
    }

    /**
     * The series names of a PromQL expression: strings, label matchers, grouping lists and ranges removed, then every
     * identifier that is not a function (followed by an opening parenthesis) or a keyword.
     */
    static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$[a-zA-Z_]+", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(stripped);
        while (identifier.find()) {
            String name = identifier.group();
            String after = stripped.substring(identifier.end()).stripLeading();
            boolean function = after.startsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(stripped.charAt(identifier.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
