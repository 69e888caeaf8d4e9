package network.omniphi.provisioning.infra.kubernetes;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.mutiny.sqlclient.Pool;

import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeStatusReader;
import network.omniphi.provisioning.infra.persistence.BlockingNodeRecords;

/**
 * The shared setup of the Kubernetes scenario tests ({@code @QuarkusTest} on the fabric8 mock API server in CRUD mode
 * with server-side apply, real Kafka and PostgreSQL): the beans they drive, the node namespace, the log of published
 * node events (opened on first use, closed after the class), and one reconcile pass by a fresh reconciler. Each test
 * class still declares its annotations and profile, since those decide which application it runs against.
 */
abstract class KubernetesScenario {

    /** The node namespace of the test profiles. */
    static final String NS = "omniphi-test";

    @Inject
    KubernetesClient client;
    @Inject
    BlockingNodeRecords store;
    @Inject
    NodeStatusReader reader;
    @Inject
    NodeLifecycle lifecycle;
    @Inject
    ProvisioningConfig config;
    @Inject
    Pool pool;

    private static NodeEventLog events;

    /** Node events as published on Kafka, read from the beginning of the topic. */
    static synchronized NodeEventLog events() {
        if (events == null) {
            events = new NodeEventLog();
        }
        return events;
    }

    @AfterAll
    static synchronized void closeEventLog() {
        if (events != null) {
            events.close();
            events = null;
        }
    }

    /** Waits until the application's consumers read new records (see {@link KafkaAssignment#awaitConsuming}). */
    void awaitConsuming() {
        KafkaAssignment.awaitConsuming(pool);
    }

    /** One complete reconcile pass by a fresh reconciler that leads; returns how many objects it wrote. */
    long reconcileOnce() {
        return ClusterState.reconcileOnce(client, config, store, reader, lifecycle);
    }
}
