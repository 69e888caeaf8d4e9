package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.domain.ProvisioningException;

/**
 * Diff-then-apply against the informer cache (which watches objects labelled as node children) on the fabric8 mock API server (CRUD, server-side apply): a missing
 * object is created, a differing one updated, an equal one (fields the server adds aside) left alone, a create-only
 * object never changed; a refused object is unrecoverable, anything else retryable.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ResourceApplierTest {

    static final String NS = "validators";

    KubernetesMockServer server;
    KubernetesClient client;
    NodeCache cache;
    ResourceApplier applier;

    @BeforeEach
    void start() {
        ServerSideApply.install(server);
        cache = new NodeCache(client, NS).start();
        applier = new ResourceApplier(client, cache);
    }

    @AfterEach
    void stop() {
        cache.close();
    }

    static ConfigMap config(String value) {
        return new ConfigMapBuilder().withNewMetadata().withName("node-a-config").withNamespace(NS)
                .addToLabels("app.kubernetes.io/name", NodeNames.APP_NAME)
                .addToLabels("app.kubernetes.io/instance", "node-a").endMetadata().withData(Map.of("moniker", value))
                .build();
    }

    void awaitCached(String value) {
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.get(ConfigMap.class, "node-a-config")
                .map(c -> value.equals(c.getData().get("moniker"))).orElse(false));
    }

    @Test
    void missingIsCreatedEqualIsLeftAloneDifferentIsUpdated() {
        assertThat(applier.apply(config("alice"), false)).isEqualTo(ResourceApplier.Outcome.CREATED);
        awaitCached("alice");

        assertThat(applier.apply(config("alice"), false)).isEqualTo(ResourceApplier.Outcome.UNCHANGED);
        assertThat(applier.writes()).isEqualTo(1);

        assertThat(applier.apply(config("bob"), false)).isEqualTo(ResourceApplier.Outcome.UPDATED);
        assertThat(applier.writes()).isEqualTo(2);
        assertThat(client.configMaps().inNamespace(NS).withName("node-a-config").get().getData())
                .containsEntry("moniker", "bob");
    }

    @Test
    void aCreateOnlyObjectIsNeverChanged() {
        applier.apply(config("alice"), true);
        awaitCached("alice");

        assertThat(applier.apply(config("bob"), true)).isEqualTo(ResourceApplier.Outcome.UNCHANGED);
        assertThat(client.configMaps().inNamespace(NS).withName("node-a-config").get().getData())
                .containsEntry("moniker", "alice");
    }

    @Test
    void fieldsTheServerAddsDoNotMakeADifferenceButMissingOrChangedOnesDo() {
        ConfigMap live = config("alice");
        live.getMetadata().setResourceVersion("7");
        live.getMetadata().getLabels().put("added-by-someone", "x");
        live.getData().put("extra", "y");

        assertThat(ResourceApplier.same(config("alice"), live)).isTrue();
        assertThat(ResourceApplier.same(config("bob"), live)).isFalse();
        ConfigMap unlabelled = config("alice");
        unlabelled.getMetadata().getLabels().clear();
        assertThat(ResourceApplier.same(config("alice"), unlabelled)).isFalse();
    }

    @Test
    void anObjectTheApiRefusesIsUnrecoverableAndEverythingElseRetryable() {
        for (int code : new int[]{400, 422}) {
            var e = new KubernetesClientException(new StatusBuilder().withCode(code).withMessage("bad spec").build());
            assertThat(ResourceApplier.classify(config("a"), e))
                    .isInstanceOf(ResourceApplier.UnrecoverableSpecException.class)
                    .hasMessageContaining("ConfigMap node-a-config rejected by the API server: bad spec");
        }
        for (int code : new int[]{409, 429, 500, 503}) {
            var e = new KubernetesClientException(new StatusBuilder().withCode(code).withMessage("busy").build());
            assertThat(ResourceApplier.classify(config("a"), e))
                    .isInstanceOf(ProvisioningException.RuntimeUnavailable.class);
        }
    }
}
