package network.omniphi.provisioning.infra.kubernetes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.mutiny.sqlclient.Pool;

import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.metrics.NodeStateMeters;

/**
 * Per-node meters on /q/metrics, played on the mock API server with the service's own reconcile loop: the node pod's
 * container restart count and the node's height lag appear labelled with the ValidatorNode's name and its setup, and
 * both series are gone once the node is deleted.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(KubernetesReconcilerTest.Profile.class)
class NodeMetricsTest {

    static final String NS = KubernetesReconcilerTest.NS;

    @Inject
    KubernetesClient client;
    @Inject
    ProvisioningConfig config;
    @Inject
    Pool pool;
    @Inject
    NodeStateMeters meters;

    @BeforeEach
    void consuming() {
        KafkaAssignment.awaitConsuming(pool);
    }

    @Test
    void restartsAndHeightLagAreExportedPerNodeAndRemovedWithTheNode() {
        String setupId = UUID.randomUUID().toString();
        String name = ClusterState.requestSetup(setupId);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get(), s -> s != null);
        String image = config.kubernetes().image().orElseThrow();
        String labels = "node=\"" + name + "\",setup_request_id=\"" + setupId + "\"";

        NodePods.report(client, NS, name, NodePods.crashLoopBackOff(image, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            meters.refresh();
            assertThat(value("omniphi_provisioning_node_restarts", labels)).isEqualTo("2.0");
            assertThat(value("omniphi_provisioning_node_height_lag_blocks", labels)).as("still provisioning")
                    .isEqualTo("NaN");
        });

        NodePods.report(client, NS, name, NodePods.ready(image));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            meters.refresh();
            assertThat(value("omniphi_provisioning_node_restarts", labels)).isEqualTo("0.0");
            String lag = value("omniphi_provisioning_node_height_lag_blocks", labels);
            assertThat(lag).isNotNull().isNotEqualTo("NaN");
            assertThat(Double.parseDouble(lag)).isGreaterThanOrEqualTo(0);
        });

        client.resources(ValidatorNodeResource.class).inNamespace(NS).withName(name).delete();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            meters.refresh();
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).doesNotContain("node=\"" + name + "\"");
        });
    }

    /** The sample value of one series on /q/metrics, or null when it is not exported. */
    private static String value(String metric, String labels) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)} (\\S+)$").matcher(body);
        while (m.find()) {
            if (m.group(1).contains(labels.split(",")[0]) && m.group(1).contains(labels.split(",")[1])) {
                return m.group(2);
            }
        }
        return null;
    }
}
