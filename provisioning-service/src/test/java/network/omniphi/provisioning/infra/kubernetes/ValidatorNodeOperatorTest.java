package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeStatefulSetBuilder;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.reconcile.ReconcileLoop;

/**
 * Issue 16 acceptance, against the fabric8 mock API server (CRUD mode, watches, server-side apply) with the running
 * service, real PostgreSQL and Kafka. The operator's only timers are pushed past every wait of this class
 * (resync, provisioning requeue and health check: one hour), so whatever happens here was driven by a watch event:
 * <ul>
 * <li>the shipped sample ValidatorNode ({@code deploy/samples/validatornode-omniphid.yaml}) applied as
 * {@code kubectl apply --server-side} would, with no setup request and no database row, becomes a StatefulSet running
 * the image and binary its spec names, the key created by {@code <binary> init} in an init container on a
 * ReadWriteOncePod volume; conditions and Events tell the story; the database follows the ValidatorNode (adopted,
 * provisioned, stopped when its spec says so);</li>
 * <li>a deleted child (StatefulSet, Services, ConfigMap, NetworkPolicy) is re-created from its watch event, with no
 * full pass run meanwhile.</li>
 * </ul>
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ServerSideApply.class)
@QuarkusTestResource(FakeChain.class)
@TestProfile(ValidatorNodeOperatorTest.WatchesOnly.class)
class ValidatorNodeOperatorTest extends KubernetesScenario {

    static final Path SAMPLE = Path.of("../deploy/samples/validatornode-omniphid.yaml");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Every timer of the operator far beyond this class's waits: only watch events can drive a reconcile. */
    public static class WatchesOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(KafkaAssignment.config());
            config.put("omniphi.provisioning.kubernetes.resync-interval", "1h");
            config.put("omniphi.provisioning.kubernetes.provisioning-requeue", "1h");
            config.put("omniphi.provisioning.health-interval", "1h");
            return config;
        }
    }

    @Inject
    ReconcileLoop loop;

    @Test
    void theSampleAppliedWithKubectlIsProvisionedWithConditionsAndEventsAndTheDatabaseFollowsIt() throws IOException {
        ValidatorNodeResource sample = sample("kubectl-" + UUID.randomUUID());
        String setupId = sample.getSpec().setupRequestId;
        String name = sample.getMetadata().getName();
        assertThat(store.node(setupId)).as("no setup request, no database row").isNull();

        client.resource(sample).fieldManager("kubectl").serverSideApply();

        StatefulSet sts = await().atMost(PATIENCE).until(() -> client.apps().statefulSets().inNamespace(NS)
                .withName(name + "-node").get(), Objects::nonNull);
        assertThat(sts.getSpec().getReplicas()).as("one signer per key").isEqualTo(1);
        Container node = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(node.getImage()).isEqualTo("ghcr.io/omniphi/omniphid:v1.0.0");
        assertThat(node.getCommand()).startsWith("omniphid", "start", "--home", "/home/omniphi/.omniphid");
        Container init = sts.getSpec().getTemplate().getSpec().getInitContainers().get(0);
        assertThat(init.getName()).isEqualTo("init-home");
        assertThat(init.getImage()).as("the key is created by the node image's own binary")
                .isEqualTo("ghcr.io/omniphi/omniphid:v1.0.0");
        assertThat(init.getCommand()).containsExactly("/bin/sh", "-c", NodeStatefulSetBuilder.INIT_SCRIPT);
        assertThat(NodeStatefulSetBuilder.INIT_SCRIPT).contains("\"$NODE_BINARY\" init \"$NODE_MONIKER\"");
        assertThat(init.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                org.assertj.core.groups.Tuple.tuple("NODE_BINARY", "omniphid"),
                org.assertj.core.groups.Tuple.tuple("NODE_HOME", "/home/omniphi/.omniphid"),
                org.assertj.core.groups.Tuple.tuple("NODE_MONIKER", sample.getSpec().moniker),
                org.assertj.core.groups.Tuple.tuple("NODE_CHAIN_ID", "omniphi-1"));
        assertThat(init.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath())
                .isEqualTo("/home/omniphi/.omniphid"));
        PersistentVolumeClaim pvc = client.persistentVolumeClaims().inNamespace(NS).withName(name + "-data").get();
        assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOncePod");
        assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("fast-ssd-retain");

        ValidatorNode adopted = await().atMost(PATIENCE).until(() -> store.node(setupId), Objects::nonNull);
        assertThat(adopted).extracting(ValidatorNode::name, ValidatorNode::moniker, ValidatorNode::chainId,
                ValidatorNode::provider, ValidatorNode::status).containsExactly(name, sample.getSpec().moniker,
                        "omniphi-1", ValidatorNode.ADOPTED_PROVIDER, NodeStatus.PROVISIONING);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(conditions(name)).containsExactly(
                "KeyReady=False/AwaitingKey", "Synced=False/Provisioning", "Ready=False/Provisioning"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reasons(name)).contains("Provisioning",
                "Created"));
        events().awaitFirst(setupId, NodeEvent.PayloadCase.PROVISIONING, PATIENCE);

        // the kubelet (absent from the mock API server): the pod ran init and passes its readiness probe
        NodePods.report(client, NS, name, NodePods.ready(node.getImage()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ValidatorNode running = store.node(setupId);
            assertThat(running.status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(running.consensusPubkey()).isEqualTo(FakeChain.NODE_PUBKEY);
        });
        // what `kubectl wait --for=condition=Ready validatornode/<name>` waits for
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(conditions(name)).containsExactly(
                "KeyReady=True/KeyReported", "Synced=True/CaughtUp", "Ready=True/Running"));
        assertThat(ClusterState.status(client, NS, name).phase).isEqualTo("running");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reasons(name)).contains("Provisioned"));
        assertThat(events().awaitFirst(setupId, NodeEvent.PayloadCase.PROVISIONED, PATIENCE).getProvisioned()
                .getConsensusPubkey()).isEqualTo(FakeChain.NODE_PUBKEY);
        assertNoKeyMaterial(name);

        // `kubectl patch validatornode <name> --type merge -p '{"spec":{"running":false}}'`: the database follows
        client.resources(ValidatorNodeResource.class).inNamespace(NS).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"running\":false}}");
        await().atMost(PATIENCE).until(() -> client.apps().statefulSets().inNamespace(NS).withName(name + "-node")
                .get().getSpec().getReplicas() == 0);
        assertThat(store.node(setupId).status()).isEqualTo(NodeStatus.STOPPING);
        // the StatefulSet controller (absent too) removes the pod of a set scaled to zero
        client.pods().inNamespace(NS).withName(name + "-node-0").delete();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(store.node(setupId).status()).isEqualTo(NodeStatus.STOPPED);
            assertThat(ClusterState.status(client, NS, name).phase).isEqualTo("stopped");
            assertThat(conditions(name)).contains("Ready=False/Stopped");
            assertThat(reasons(name)).contains("Stopping", "Stopped");
        });
        assertThat(client.persistentVolumeClaims().inNamespace(NS).withName(name + "-data").get())
                .as("the volume with the key is kept").isNotNull();
        events().awaitFirst(setupId, NodeEvent.PayloadCase.STOPPED, PATIENCE);
        assertNoKeyMaterial(name);
    }

    @Test
    void aDeletedChildIsRecreatedFromItsWatchEventNotATimer() throws IOException {
        ValidatorNodeResource sample = sample("children-" + UUID.randomUUID());
        String setupId = sample.getSpec().setupRequestId;
        String name = sample.getMetadata().getName();
        client.resource(sample).fieldManager("kubectl").serverSideApply();
        await().atMost(PATIENCE).until(() -> client.apps().statefulSets().inNamespace(NS).withName(name + "-node")
                .get() != null);
        NodePods.report(client, NS, name, NodePods.ready(sample.getSpec().image));
        await().atMost(PATIENCE).until(() -> store.node(setupId) != null
                && store.node(setupId).status() == NodeStatus.RUNNING);

        List<Supplier<HasMetadata>> children = List.of(
                () -> client.apps().statefulSets().inNamespace(NS).withName(name + "-node").get(),
                () -> client.services().inNamespace(NS).withName(name + "-rpc").get(),
                () -> client.services().inNamespace(NS).withName(name + "-p2p").get(),
                () -> client.configMaps().inNamespace(NS).withName(name + "-config").get(),
                () -> client.network().v1().networkPolicies().inNamespace(NS).withName(name + "-network").get());
        long passes = loop.fullPasses();
        for (Supplier<HasMetadata> child : children) {
            HasMetadata before = child.get();
            assertThat(before).isNotNull();
            String what = before.getKind() + " " + before.getMetadata().getName();
            client.resource(before).delete();
            HasMetadata again = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(child::get,
                    c -> c != null && !Objects.equals(c.getMetadata().getUid(), before.getMetadata().getUid()));
            assertThat(again.getMetadata().getLabels()).as(what).containsAllEntriesOf(before.getMetadata()
                    .getLabels());
            assertThat(Serialization.asJson(specOf(again))).as(what + " re-created as it was")
                    .isEqualTo(Serialization.asJson(specOf(before)));
        }
        assertThat(loop.fullPasses()).as("no full pass ran: each child came back from its own watch event")
                .isEqualTo(passes);
        assertThat(store.node(setupId).status()).isEqualTo(NodeStatus.RUNNING);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(name)).filteredOn(e -> "Created".equals(e
                .getReason())).extracting(Event::getMessage).contains("StatefulSet " + name + "-node created",
                        "Service " + name + "-rpc created", "ConfigMap " + name + "-config created"));
    }

    /** The shipped sample, as an operator applies it, under a fresh name and setup id in the test namespace. */
    static ValidatorNodeResource sample(String id) throws IOException {
        try (InputStream in = Files.newInputStream(SAMPLE)) {
            ValidatorNodeResource cr = Serialization.unmarshal(in, ValidatorNodeResource.class);
            cr.getMetadata().setNamespace(NS);
            String name = NodeNames.labelValue(id).toLowerCase(java.util.Locale.ROOT);
            cr.getMetadata().setName(name.substring(0, Math.min(30, name.length())));
            cr.getSpec().setupRequestId = id;
            cr.getSpec().moniker = "moniker-" + id.substring(id.length() - 12);
            return cr;
        }
    }

    private static Object specOf(HasMetadata object) {
        Map<String, Object> tree = Serialization.jsonMapper().convertValue(object, Map.class);
        return tree.containsKey("spec") ? tree.get("spec") : tree.get("data");
    }

    private List<String> conditions(String name) {
        List<Condition> conditions = ClusterState.status(client, NS, name).conditions;
        return conditions == null
                ? List.of()
                : conditions.stream().map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason()).toList();
    }

    private List<Event> events(String name) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())
                        && "ValidatorNode".equals(e.getInvolvedObject().getKind()))
                .toList();
    }

    private List<String> reasons(String name) {
        return events(name).stream().map(Event::getReason).toList();
    }

    /** Neither the ValidatorNode nor its Events carry anything of the key file. */
    private void assertNoKeyMaterial(String name) {
        String cr = Serialization.asJson(client.resources(ValidatorNodeResource.class).inNamespace(NS).withName(name)
                .get());
        assertThat(cr).doesNotContain("priv_key").doesNotContain("priv_validator_key.json\":");
        assertThat(events(name)).extracting(Event::getMessage).noneMatch(m -> m.contains("priv_key"));
    }
}
