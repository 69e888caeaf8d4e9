package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import network.omniphi.deploy.Manifests.Rendered;

/**
 * Alerts and dashboard use only metrics that the services' MetricsContractTests prove are exported (the lists in
 * monitoring/required-metrics), plus Prometheus' own {@code up}; and every listed metric is used somewhere.
 */
class MonitoringContractTest {

    private static final Set<String> PROMETHEUS_SYNTHETIC = Set.of("up");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    /** Metric names in a PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // string literals
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges and subqueries
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void extractionFindsMetricsButNotFunctionsLabelsOrKeywords() {
        assertThat(metricNames("max by (job) (omniphi_outbox_pending) > 0 and sum by (job) "
                + "(rate(omniphi_outbox_published_total{job=~\"a|b\"}[10m])) == 0 or histogram_quantile(0.95, "
                + "sum by (le) (rate(x_bucket[1h]))) > 1e3"))
                .containsExactlyInAnyOrder("omniphi_outbox_pending", "omniphi_outbox_published_total", "x_bucket");
    }

    @Test
    void alertsAndDashboardUseOnlyExportedMetricsAndEveryListedMetricIsUsed() throws IOException {
        Set<String> exported = new HashSet<>(PROMETHEUS_SYNTHETIC);
        for (String service : Manifests.SERVICES) {
            exported.addAll(Manifests.requiredMetrics(service));
        }
        Set<String> used = new HashSet<>();
        for (String overlay : Manifests.OVERLAYS) {
            Rendered r = Manifests.render(overlay);
            for (String expr : alertExpressions(r)) {
                assertThat(metricNames(expr)).as("metrics of alert expression %s", expr).isNotEmpty()
                        .allSatisfy(name -> assertThat(exported).as("alert uses %s", name).contains(name));
                used.addAll(metricNames(expr));
            }
            for (String expr : dashboardExpressions(r)) {
                assertThat(metricNames(expr)).as("metrics of dashboard query %s", expr).isNotEmpty()
                        .allSatisfy(name -> assertThat(exported).as("dashboard uses %s", name).contains(name));
                used.addAll(metricNames(expr));
            }
        }
        exported.removeAll(PROMETHEUS_SYNTHETIC);
        assertThat(used).as("required-metrics lists only what alerts or dashboard use").containsAll(exported);
    }

    @Test
    void everyAlertHasASeverityAndAnExplanation() {
        GenericKubernetesResource rule = Manifests.render("production").generic("PrometheusRule").get(0);
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        Set<String> alerts = new HashSet<>();
        for (Map<String, Object> group : groups) {
            for (Object o : (List<?>) group.get("rules")) {
                Map<?, ?> alert = (Map<?, ?>) o;
                assertThat(alerts.add((String) alert.get("alert"))).as("unique alert %s", alert.get("alert")).isTrue();
                assertThat(((Map<?, ?>) alert.get("labels")).get("severity")).as("%s", alert.get("alert"))
                        .isIn("critical", "warning", "info");
                assertThat(Set.copyOf(((Map<?, ?>) alert.get("annotations")).keySet().stream().map(String::valueOf)
                        .toList())).as("%s", alert.get("alert")).contains("summary", "description");
            }
        }
        assertThat(alerts).contains("OmniphiServiceDown", "OmniphiValidatorNodeUnhealthy",
                "OmniphiValidatorNodeHeightLagging", "OmniphiValidatorJailed", "OmniphiHeartbeatStale",
                "OmniphiProvisioningStuck", "OmniphiOutboxBacklog", "OmniphiKafkaConsumerLag");
    }

    @Test
    void theOverdueSetupsAlertCountsPerStatusAndLinksItsRunbookSection() throws IOException {
        GenericKubernetesResource rule = Manifests.render("production").generic("PrometheusRule").get(0);
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        Map<?, ?> alert = groups.stream().flatMap(g -> ((List<?>) g.get("rules")).stream()).map(o -> (Map<?, ?>) o)
                .filter(a -> "OmniphiSetupsOverdue".equals(a.get("alert"))).findFirst().orElseThrow();
        assertThat(metricNames(String.valueOf(alert.get("expr")))).containsExactly("omniphi_gateway_setups_overdue");
        assertThat(String.valueOf(alert.get("expr"))).contains("by (status)");
        String runbook = String.valueOf(((Map<?, ?>) alert.get("annotations")).get("runbook_url"));
        assertThat(runbook).startsWith("https://").endsWith("docs/operations.md#overdue-setups");
        String operations = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/operations.md"));
        assertThat(operations).as("the runbook section the alert links to").contains("\n## Overdue setups\n");
    }

    /**
     * Every alert links its runbook (an anchor of docs/operations.md that exists) and says whom it is for: the
     * platform's pager, or (local nodes on the users' machines) the node owner's channel, never paging.
     */
    @Test
    void everyAlertHasARunbookAndAnAudienceAndLocalNodeAlertsGoToTheOwner() throws IOException {
        String operations = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/operations.md"));
        GenericKubernetesResource rule = Manifests.render("production").generic("PrometheusRule").get(0);
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        List<String> ownerAlerts = new ArrayList<>();
        for (Map<String, Object> group : groups) {
            for (Object o : (List<?>) group.get("rules")) {
                Map<?, ?> alert = (Map<?, ?>) o;
                String name = String.valueOf(alert.get("alert"));
                String runbook = String.valueOf(((Map<?, ?>) alert.get("annotations")).get("runbook_url"));
                assertThat(runbook).as("%s runbook_url", name).startsWith(
                        "https://github.com/omniphi/validator-orchestrator/blob/main/docs/operations.md#");
                String anchor = runbook.substring(runbook.indexOf('#') + 1);
                assertThat(operations.contains("<a id=\"" + anchor + "\"></a>")
                        || operations.contains("\n## " + heading(anchor) + "\n")).as("%s: anchor %s in operations.md",
                                name, anchor)
                        .isTrue();
                Map<?, ?> labels = (Map<?, ?>) alert.get("labels");
                assertThat(labels.get("audience")).as("%s audience", name).isIn("platform", "node-owner");
                if ("node-owner".equals(labels.get("audience"))) {
                    ownerAlerts.add(name);
                    assertThat(labels.get("severity")).as("%s never pages", name).isNotEqualTo("critical");
                }
            }
        }
        assertThat(ownerAlerts).containsExactlyInAnyOrder("OmniphiHeartbeatStale", "OmniphiHeartbeatHeightStalled");
    }

    /**
     * Alerts on one node's meters (height lag, restarts; exported by provisioning-service labelled {@code node} and
     * {@code setup_request_id}) keep those labels and name the node in summary and description.
     */
    @Test
    void perNodeAlertsNameTheNode() {
        GenericKubernetesResource rule = Manifests.render("production").generic("PrometheusRule").get(0);
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        Map<String, Map<?, ?>> byName = new java.util.HashMap<>();
        groups.stream().flatMap(g -> ((List<?>) g.get("rules")).stream()).map(o -> (Map<?, ?>) o)
                .forEach(a -> byName.put(String.valueOf(a.get("alert")), a));
        Map<String, String> perNode = Map.of("OmniphiValidatorNodeHeightLagging",
                "omniphi_provisioning_node_height_lag_blocks", "OmniphiValidatorNodeRestarting",
                "omniphi_provisioning_node_restarts");
        perNode.forEach((name, metric) -> {
            Map<?, ?> alert = byName.get(name);
            assertThat(alert).as(name).isNotNull();
            String expr = String.valueOf(alert.get("expr"));
            assertThat(metricNames(expr)).as(name).containsExactly(metric);
            assertThat(expr).as("%s keeps the node labels", name).contains("by (node, setup_request_id)");
            Map<?, ?> annotations = (Map<?, ?>) alert.get("annotations");
            assertThat(String.valueOf(annotations.get("summary"))).as(name).contains("{{ $labels.node }}");
            assertThat(String.valueOf(annotations.get("description"))).as(name).contains("{{ $labels.node }}");
            assertThat(((Map<?, ?>) alert.get("labels")).get("audience")).as(name).isEqualTo("platform");
        });
    }

    /** The heading GitHub gives an anchor like {@code overdue-setups}: "Overdue setups". */
    private static String heading(String anchor) {
        String words = anchor.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<String> alertExpressions(Rendered r) {
        List<String> exprs = new ArrayList<>();
        for (GenericKubernetesResource rule : r.generic("PrometheusRule")) {
            for (Map<String, Object> group : rule.<List<Map<String, Object>>>get("spec", "groups")) {
                for (Object o : (List<?>) group.get("rules")) {
                    exprs.add(String.valueOf(((Map<?, ?>) o).get("expr")));
                }
            }
        }
        assertThat(exprs).as("alert rules in %s", r.overlay()).isNotEmpty();
        return exprs;
    }

    private static List<String> dashboardExpressions(Rendered r) throws IOException {
        ConfigMap cm = r.one(ConfigMap.class, "omniphi-grafana-dashboard");
        assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode dashboard = new ObjectMapper().readTree(cm.getData().get("omniphi-orchestrator.json"));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> exprs.add(e.asText()));
        assertThat(exprs).as("dashboard queries").hasSizeGreaterThan(10);
        return exprs;
    }
}
