package dev.competency.deploycheck;

import static dev.competency.deploycheck.CrossReferenceTest.map;
import static dev.competency.deploycheck.CrossReferenceTest.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One source of truth for the alerting rules: docker-compose's rules file and the Kubernetes PrometheusRule agree. */
class AlertRulesTest {

    @Test
    void carriesTheComposeRuleGroups_whenRenderedAsPrometheusRule() {
        Object rulesFile = load("platform/monitoring/alerts.yml");
        Object prometheusRule = load("k8s/components/monitoring/prometheus-rule.yaml");

        assertThat(path(prometheusRule, "spec")).isEqualTo(rulesFile);
    }

    @Test
    void loadsTheRulesFileAndMountsIt_whenComposePrometheusStarts() {
        assertThat(map(load("platform/monitoring/prometheus.yml")).get("rule_files")).isEqualTo(List.of("alerts.yml"));
        Object volumes = path(load("docker-compose.yml"), "services", "prometheus", "volumes");
        assertThat(CrossReferenceTest.list(volumes)).map(String::valueOf).contains("./platform/monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    @Test
    void givesEveryAlertASeverityAndASummary_whenRulesAreRead() {
        for (Object group : (List<?>) map(load("platform/monitoring/alerts.yml")).get("groups")) {
            for (Object rule : (List<?>) map(group).get("rules")) {
                Map<String, Object> r = map(rule);
                assertThat(map(r.get("labels")).get("severity")).as(String.valueOf(r.get("alert")))
                        .isIn("warning", "critical");
                assertThat(map(r.get("annotations"))).as(String.valueOf(r.get("alert")))
                        .containsKeys("summary", "description");
            }
        }
    }

    private static Object load(String file) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(Repository.ROOT.resolve(file)));
    }
}
