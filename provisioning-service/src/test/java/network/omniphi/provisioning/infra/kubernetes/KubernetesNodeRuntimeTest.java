package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import network.omniphi.provisioning.domain.DeclaredNode;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/**
 * The reconciler alone against the fabric8 mock API server (CRUD, watches, server-side apply): a ValidatorNode applied
 * as a kubectl user writes it becomes a StatefulSet running its image and binary; a second reconcile of the unchanged
 * node sends nothing; a deleted child comes back from its watch event.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesNodeRuntimeTest {

    static final String NS = "validators";

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void serverSideApply() {
        ServerSideApply.install(server);
    }

    @Test
    void aValidatorNodeAppliedDirectlyIsRenderedFromItsOwnSpecAndASecondReconcileWritesNothing() {
        ValidatorNodeResource applied = NodeFixtures.gaia();
        applied.getMetadata().setUid(null);
        applied.getMetadata().setNamespace(NS);
        applied.getMetadata().setName("my-gaia");
        client.resource(applied).create();
        KubernetesSettings settings = new KubernetesSettings(NS, "omniphi", NodeFixtures.SETTINGS.node(),
                NodeFixtures.TOOLS, "http://{name}-rpc.{namespace}.svc:26657", "http://chain:26657",
                Duration.ofMinutes(2), Duration.ofMinutes(1));
        try (KubernetesNodeRuntime runtime = KubernetesNodeRuntime.standalone(client, settings)) {
            DeclaredNode declared = runtime.declared(NodeFixtures.SETUP);
            assertThat(declared.state()).isEqualTo(DeclaredNode.State.PRESENT);
            assertThat(declared.name()).isEqualTo("my-gaia");
            ValidatorNode node = ValidatorNode.adopted(NodeFixtures.SETUP, "my-gaia", "alice", "omniphi-devnet-1",
                    Instant.now());

            runtime.apply(node);

            StatefulSet sts = client.apps().statefulSets().inNamespace(NS).withName("my-gaia-node").get();
            assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
                    .containsExactly("gaiad", "start", "--home", "/home/gaia/.gaia");
            assertThat(sts.getSpec().getTemplate().getSpec().getInitContainers().get(0).getImage())
                    .isEqualTo("ghcr.io/cosmos/gaia:v21.0.1");
            assertThat(client.resources(ValidatorNodeResource.class).inNamespace(NS).withName("my-gaia").get()
                    .getStatus().conditions).extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
                    .containsExactly("KeyReady=False/AwaitingKey", "Synced=False/Provisioning",
                            "Ready=False/Provisioning");
            assertThat(client.v1().events().inNamespace(NS).list().getItems()).extracting(Event::getReason)
                    .contains("Created");
            long writes = runtime.writes();
            long events = runtime.eventsWritten();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                long before = runtime.writes();
                runtime.apply(node);
                assertThat(runtime.writes()).as("a second reconcile of an unchanged node writes nothing")
                        .isEqualTo(before);
            });
            assertThat(runtime.writes() - writes).as("only writes while the caches caught up").isLessThan(8);
            long settled = runtime.writes();
            runtime.apply(node);
            runtime.apply(node);
            assertThat(runtime.writes()).isEqualTo(settled);
            assertThat(runtime.eventsWritten()).isGreaterThanOrEqualTo(events);
        }
    }
}
