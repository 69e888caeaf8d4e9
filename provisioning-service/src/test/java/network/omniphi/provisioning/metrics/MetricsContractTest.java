package network.omniphi.provisioning.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.ServerSideApply;
import network.omniphi.testsupport.MetricsContract;

/**
 * Every metric the deploy/ alerts and dashboard use from this service (deploy/monitoring/required-metrics/provisioning-service.txt)
 * is exported on /q/metrics of the running application.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
class MetricsContractTest {

    @Inject
    Pool pool;
    @Inject
    NodeStateMeters meters;

    @Test
    void exportsEveryMetricTheAlertsAndDashboardUse() throws IOException {
        List<String> required = MetricsContract.required("provisioning-service");
        assertThat(required).isNotEmpty();
        given().get("/metrics-contract-warm-up").then().extract().statusCode(); // one app request for http_server_*
        // per-node meters exist while a node should run: one node, as a setup request creates it
        String setupId = UUID.randomUUID().toString();
        pool.preparedQuery("INSERT INTO validator_nodes (setup_request_id, node_name, moniker, chain_id, provider,"
                + " desired_running, status, created_at, updated_at) VALUES ($1, $2, 'metrics-contract',"
                + " 'omniphi-devnet-1', 'omniphi_cloud', true, 'PROVISIONING', now(), now())")
                .execute(Tuple.of(setupId, NodeNames.nodeName(setupId))).await().atMost(Duration.ofSeconds(10));
        // beans with scheduled refreshes register their meters when first triggered (about 1 s after start-up)
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            meters.refresh();
            assertThat(exported()).containsAll(required);
        });
    }

    private static Set<String> exported() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return MetricsContract.exported(body);
    }
}
