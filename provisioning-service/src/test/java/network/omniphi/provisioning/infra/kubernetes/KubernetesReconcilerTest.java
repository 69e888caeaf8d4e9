package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.domain.LeaderGate;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.reconcile.ReconcileLoop;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * The Kubernetes runtime against the fabric8 mock API server (CRUD mode) with the real builders, real Kafka and
 * PostgreSQL: create, pod ready → pubkey event, duplicates, idempotent re-reconcile, lease, stop keeps the PVC.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(KubernetesReconcilerTest.Profile.class)
class KubernetesReconcilerTest extends KubernetesScenario {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return KafkaAssignment.config();
        }
    }

    @Inject
    LeaderGate leader;

    private static final Duration EVENT_PATIENCE = Duration.ofSeconds(30);

    @Test
    void provisionsOneNodeReadsItsPubkeyOnlyTheLeaderWritesAndStopKeepsTheVolume() throws Exception {
        KafkaAssignment.awaitConsuming(
                io.quarkus.arc.Arc.container().instance(io.vertx.mutiny.sqlclient.Pool.class).get());
        String setupId = UUID.randomUUID().toString();
        String name = NodeNames.nodeName(setupId);
        SetupRequested request = setup(setupId, UUID.randomUUID());
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, request.toByteArray());

        StatefulSet sts = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get(), s -> s != null);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
        assertThat(sts.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo(name));
        PersistentVolumeClaim pvc = client.persistentVolumeClaims().inNamespace(NS).withName(name + "-data").get();
        assertThat(pvc.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(client.resources(ValidatorNodeResource.class).inNamespace(NS).withName(name).get().getSpec().moniker)
                .isEqualTo("alice");

        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, request.toByteArray());
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, setup(setupId, UUID.randomUUID()).toByteArray());
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name + "-node-0")
                .withNamespace(NS).withLabels(NodeNames.selector(name)).endMetadata().withNewStatus()
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();

        NodeEvent provisioned = events().awaitFirst(setupId, NodeEvent.PayloadCase.PROVISIONED, EVENT_PATIENCE);
        assertThat(provisioned.getProvisioned().getConsensusPubkey()).isEqualTo(FakeChain.NODE_PUBKEY);
        assertThat(provisioned.getProvisioned().getEndpoints().getRpc())
                .isEqualTo("http://" + name + "-rpc." + NS + ".svc:26657");
        assertThat(provisioned.getProvisioned().getEndpoints().getP2P())
                .isEqualTo("tcp://" + name + "-p2p." + NS + ".svc:26656");
        assertThat(client.apps().statefulSets().inNamespace(NS).list().getItems()).hasSize(1);
        assertThat(events().published(setupId))
                .filteredOn(e -> e.getPayloadCase() == NodeEvent.PayloadCase.PROVISIONING)
                .hasSize(1);

        KubernetesSettings settings = KubernetesSettings.of(config, NS);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            try (KubernetesNodeRuntime restarted = KubernetesNodeRuntime.standalone(client, settings)) {
                restarted.apply(store.node(setupId));
                assertThat(restarted.writes()).as("a second reconcile of an unchanged node writes nothing").isZero();
                assertThat(restarted.eventsWritten()).isZero();
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(leader::isLeader);
        try (KubernetesNodeRuntime other = KubernetesNodeRuntime.standalone(client, settings);
                KubernetesLeaseGate otherGate = new KubernetesLeaseGate(client, NS, "omniphi-provisioning-leader",
                        "second-replica", Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(200))
                        .start()) {
            ReconcileLoop second = new ReconcileLoop(store, other, reader, lifecycle, otherGate, Clock.systemUTC());
            assertThat(second.runIfLeader()).isEqualTo(-1);
            assertThat(otherGate.isLeader()).isFalse();
            assertThat(other.writes()).isZero();
        }

        StopRequested stop = StopRequested.newBuilder().setMeta(EventMetas.create(UUID.randomUUID(), setupId, "test",
                Instant.now())).setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_CLOUD).build();
        KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, stop.toByteArray());
        await().atMost(Duration.ofSeconds(20)).until(() -> client.apps().statefulSets().inNamespace(NS)
                .withName(name + "-node").get().getSpec().getReplicas() == 0);
        client.pods().inNamespace(NS).withName(name + "-node-0").delete();
        events().awaitFirst(setupId, NodeEvent.PayloadCase.STOPPED, EVENT_PATIENCE);
        assertThat(client.persistentVolumeClaims().inNamespace(NS).withName(name + "-data").get()).isNotNull();
        assertThat(events().published(setupId)).extracting(NodeEvent::getPayloadCase).containsExactly(
                NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.PROVISIONED,
                NodeEvent.PayloadCase.STOPPING, NodeEvent.PayloadCase.STOPPED);
        await().atMost(Duration.ofSeconds(10)).until(() -> "stopped".equals(client.resources(
                ValidatorNodeResource.class).inNamespace(NS).withName(name).get().getStatus().phase));
    }

    static SetupRequested setup(String setupId, UUID eventId) {
        return SetupRequested.newBuilder().setMeta(EventMetas.create(eventId, setupId, "test", Instant.now()))
                .setSetupRequestId(setupId).setValidatorName("alice").setRunMode(RunMode.RUN_MODE_CLOUD)
                .setProvider("omniphi_cloud").setChainId("omniphi-devnet-1").build();
    }
}
