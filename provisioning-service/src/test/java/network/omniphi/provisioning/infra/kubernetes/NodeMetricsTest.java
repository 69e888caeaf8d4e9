package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.mutiny.sqlclient.Pool;

import network.omniphi.commons.tracing.SetupTelemetry;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.SetupLogLines;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.metrics.NodeStateMeters;

/**
 * Per-node meters in the service's registry (exported on /q/metrics: MetricsContractTest checks the names), played on the mock API server with the service's own reconcile loop: the node pod's
 * container restart count and the node's height lag appear labelled with the ValidatorNode's name and its setup, and
 * both series are gone once the node is deleted. The reconciles of the node are spans carrying its setup, and their
 * log lines carry it in the MDC.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(KubernetesReconcilerTest.Profile.class)
class NodeMetricsTest {

    static final String NS = KubernetesReconcilerTest.NS;
    /* omniphi_provisioning_node_restarts and omniphi_provisioning_node_height_lag_blocks on /q/metrics */
    private static final String RESTARTS = "omniphi.provisioning.node.restarts";
    private static final String LAG = "omniphi.provisioning.node.height.lag";

    @Inject
    KubernetesClient client;
    @Inject
    ProvisioningConfig config;
    @Inject
    Pool pool;
    @Inject
    NodeStateMeters meters;
    @Inject
    MeterRegistry registry;
    @Inject
    InMemorySpanExporter spans;

    @RegisterExtension
    final SetupLogLines logs = new SetupLogLines();

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

        NodePods.report(client, NS, name, NodePods.crashLoopBackOff(image, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            meters.refresh();
            assertThat(value(RESTARTS, name, setupId)).isEqualTo(2.0);
            assertThat(value(LAG, name, setupId)).as("still provisioning").isNaN();
        });

        NodePods.report(client, NS, name, NodePods.ready(image));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            meters.refresh();
            assertThat(value(RESTARTS, name, setupId)).isEqualTo(0.0);
            assertThat(value(LAG, name, setupId)).isNotNull().isNotNaN().isGreaterThanOrEqualTo(0.0);
        });

        // the node's reconciles are spans with its setup (exported in batches: waited for)
        await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getName().equals("reconcile ValidatorNode")
                        && setupId.equals(span.getAttributes().get(SetupTelemetry.ATTRIBUTE))));

        client.resources(ValidatorNodeResource.class).inNamespace(NS).withName(name).delete();
        SetupLogLines.Line stopping = logs.await(
                m -> m.equals("node " + name + ": its ValidatorNode is gone; stopping"), Duration.ofSeconds(60));
        assertThat(stopping.setupRequestId()).as("MDC of the reconcile's log line").isEqualTo(setupId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            meters.refresh();
            assertThat(registry.find(RESTARTS).tag("node", name).gauges()).isEmpty();
            assertThat(registry.find(LAG).tag("node", name).gauges()).isEmpty();
        });
    }

    /** The value of one node's gauge in the service's registry (what /q/metrics exports), or null without one. */
    private Double value(String meter, String node, String setupId) {
        Gauge gauge = registry.find(meter).tags("node", node, "setup_request_id", setupId).gauge();
        return gauge == null ? null : gauge.value();
    }
}
