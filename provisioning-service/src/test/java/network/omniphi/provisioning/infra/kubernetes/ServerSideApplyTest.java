package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/**
 * The test double's server-side apply behaves as the API server does for one field manager applying whole objects:
 * an unchanged object applied again stays as it is (the mock's own merge patch would append every list once more),
 * an applied list replaces the live one, applied map entries are set and others kept.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ServerSideApplyTest {

    static final String NS = "validators";

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void install() {
        ServerSideApply.install(server);
    }

    static Service service(List<Integer> ports, String label) {
        List<ServicePort> list = ports.stream()
                .map(p -> new ServicePortBuilder().withName("p" + p).withPort(p).withProtocol("TCP").build()).toList();
        return new ServiceBuilder().withNewMetadata().withName("node-a-rpc").withNamespace(NS)
                .addToLabels("applied", label).endMetadata().withNewSpec().withPorts(list)
                .addToSelector("app", "node-a").endSpec().build();
    }

    Service apply(Service desired) {
        return client.resource(desired).fieldManager("omniphi-provisioning").forceConflicts().serverSideApply();
    }

    Service live() {
        return client.services().inNamespace(NS).withName("node-a-rpc").get();
    }

    @Test
    void anUnchangedObjectAppliedAgainIsUnchanged() {
        apply(service(List.of(26657, 26660), "a"));
        apply(service(List.of(26657, 26660), "a"));
        apply(service(List.of(26657, 26660), "a"));

        assertThat(live().getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(26657, 26660);
        assertThat(live().getSpec().getSelector()).containsOnlyKeys("app");
    }

    @Test
    void anAppliedListReplacesTheLiveOneAndMapsMergeByKey() {
        apply(service(List.of(26657, 26660), "a"));
        client.services().inNamespace(NS).withName("node-a-rpc")
                .edit(s -> new ServiceBuilder(s).editMetadata().addToLabels("someone-else", "kept").endMetadata()
                        .build());

        apply(service(List.of(26657), "b"));

        assertThat(live().getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(26657);
        assertThat(live().getMetadata().getLabels()).containsEntry("applied", "b").containsEntry("someone-else",
                "kept");
    }
}
