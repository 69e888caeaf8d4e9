package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.reconcile.ReconcileLoop;

/**
 * Issue 16 acceptance: a thousand ValidatorNodes at rest cost the API server nothing beyond the watches. A thousand
 * ValidatorNodes are applied directly (as kubectl users would) and their pods reported ready; once every node runs,
 * the requests reaching the mock API server are counted over a quiet interval in which the operator keeps working:
 * a full pass over every node runs (what a resync or a new leader does) and every node is health-checked (its /status
 * read, the database updated), all from the informer caches. The only requests allowed are watches (re-established, if ever) and the leader-election Lease,
 * whose renewals do not depend on the number of nodes. A healthy node's {@code status.latestHeight} is written at most
 * once per {@code status-height-interval} (default 1m; set beyond this test's window here), the one write a moving
 * chain still costs.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(ValidatorNodeScaleTest.Busy.class)
class ValidatorNodeScaleTest extends KubernetesScenario {

    private static final Logger LOG = Logger.getLogger(ValidatorNodeScaleTest.class);
    /** The acceptance's thousand; {@code -Domniphi.scale-test.nodes=N} for a quicker local run. */
    static final int NODES = Integer.getInteger("omniphi.scale-test.nodes", 1000);
    static final Duration QUIET = Duration.ofSeconds(12);

    /** Provisioning a thousand nodes takes a while; the full pass in the quiet interval checks every node. */
    public static class Busy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(KafkaAssignment.config());
            config.put("omniphi.provisioning.health-interval", "30s");
            config.put("omniphi.provisioning.kubernetes.status-height-interval", "1h");
            config.put("omniphi.provisioning.provision-timeout", "60m");
            // the mock API server logs every request at INFO: tens of thousands of lines here
            config.put("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
            return config;
        }
    }

    @KubernetesTestServer
    KubernetesServer server;
    @Inject
    ReconcileLoop loop;

    @Test
    void aThousandNodesAtRestCauseNoApiCallsBeyondTheWatches() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        for (int i = 0; i < NODES; i++) {
            ValidatorNodeResource cr = ValidatorNodeOperatorTest.sample("scale-" + run + "-" + i);
            client.resource(cr).fieldManager("kubectl").serverSideApply();
            // the kubelet's part: the pod ran init and passes its readiness probe
            NodePods.report(client, NS, cr.getMetadata().getName(), NodePods.ready(cr.getSpec().image));
        }
        LOG.infof("%d ValidatorNodes and pods applied in %d s", NODES, seconds(started));
        // the mock API server scans every object it holds on each request: slow with thousands, on a loaded machine
        await().atMost(Duration.ofMinutes(45)).pollInterval(Duration.ofSeconds(2))
                .until(() -> running("scale-" + run + "-%") == NODES);
        LOG.infof("%d nodes running after %d s", NODES, seconds(started));

        // settled: the last reconciles of the rush (status, Events) are through when a second passes with no write
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> beyondWatches(drain()).isEmpty());

        long heightBefore = FakeChain.HEIGHT.get();
        List<RecordedRequest> beyond = new ArrayList<>();
        List<RecordedRequest> leases = new ArrayList<>();
        // a full pass over every node (what a resync or a new leader runs), counted in the quiet interval too
        long passStarted = System.nanoTime();
        assertThat(loop.runIfLeader()).as("the service leads").isNotNegative();
        LOG.infof("full pass over %d nodes took %d ms", NODES,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - passStarted));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<RecordedRequest> seen = drain();
            beyond.addAll(beyondWatches(seen));
            seen.stream().filter(ValidatorNodeScaleTest::lease).forEach(leases::add);
            assertThat(beyond).extracting(r -> r.getMethod() + " " + r.getPath())
                    .as("API calls beyond the watches while %d nodes are at rest", NODES).isEmpty();
        });
        // the operator worked meanwhile: node /status reads (a node in backoff, or a pass cut short by a lost
        // leadership on a loaded machine, is skipped, so not necessarily every node)
        long statusReads = FakeChain.HEIGHT.get() - heightBefore;
        assertThat(statusReads).as("node /status reads during the quiet interval").isPositive();
        LOG.infof("quiet %d s with %d nodes: %d requests beyond the watches, %d Lease requests, %d /status reads",
                QUIET.toSeconds(), NODES, beyond.size(), leases.size(), statusReads);
        // leader election: a GET and an update of the one Lease per retry period (200 ms in tests), whatever the
        // number of nodes
        assertThat(leases.size()).as("Lease requests in %d s", QUIET.toSeconds())
                .isLessThanOrEqualTo(15 * (int) QUIET.toSeconds());
    }

    private long running(String pattern) {
        return pool.preparedQuery("SELECT count(*) FROM validator_nodes WHERE status = 'RUNNING'"
                + " AND setup_request_id LIKE $1").execute(Tuple.of(pattern)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /** Every request the mock API server received since the last call. */
    private List<RecordedRequest> drain() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.getKubernetesMockServer().takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
            requests.add(r);
        }
        return requests;
    }

    private static List<RecordedRequest> beyondWatches(List<RecordedRequest> requests) {
        return requests.stream().filter(r -> !watch(r) && !lease(r)).toList();
    }

    private static boolean watch(RecordedRequest r) {
        return "GET".equals(r.getMethod()) && r.getPath().contains("watch=true");
    }

    private static boolean lease(RecordedRequest r) {
        return r.getPath().startsWith("/apis/coordination.k8s.io/v1/namespaces/") && r.getPath().contains(
                "/leases/");
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }
}
