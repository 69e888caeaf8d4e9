package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import network.omniphi.deploy.Manifests.Rendered;

/**
 * The component set a platform operator installs (deploy/components, composed by overlays/platform with its
 * values.yaml): every value lands where the components say, the Ingress, its cert-manager Certificate and
 * ClusterIssuer and the gateway's HTTPS port and proxy trust fit together, and the external PostgreSQL and Kafka
 * components leave nothing of the bundled operators' resources behind. The other deploy tests (conventions, mock API
 * server, Kafka access, validator namespace) render overlays/platform too.
 */
class PlatformComponentsTest {

    private static final Rendered R = Manifests.render("platform");

    private static Map<String, String> values() throws IOException {
        String yaml = Files.readString(Manifests.DEPLOY.resolve("overlays/platform/values.yaml"));
        return Manifests.SERIALIZATION.unmarshal(yaml, ConfigMap.class).getData();
    }

    private static Map<String, String> config(String service) {
        return R.one(ConfigMap.class, service + "-config").getData();
    }

    @Test
    void theValuesFileIsNotAppliedAndEveryValueIsUsed() throws IOException {
        assertThat(R.find(ConfigMap.class, "omniphi-install-values")).as("local-config: never applied").isEmpty();
        for (Map.Entry<String, String> value : values().entrySet()) {
            assertThat(R.yaml()).as("value %s used somewhere", value.getKey()).contains(value.getValue());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIngressServesTheCertManagerCertificateAndForwardsToTheGatewaysHttpsPort() throws IOException {
        Map<String, String> v = values();
        Ingress ingress = R.one(Ingress.class, "api-gateway");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo(v.get("ingressClass"));
        assertThat(ingress.getSpec().getRules()).singleElement()
                .satisfies(rule -> assertThat(rule.getHost()).isEqualTo(v.get("gatewayHost")));
        IngressTLS tls = ingress.getSpec().getTls().get(0);
        assertThat(tls.getHosts()).containsExactly(v.get("gatewayHost"));

        GenericKubernetesResource certificate = R.generic("Certificate").get(0);
        Map<String, Object> spec = certificate.get("spec");
        assertThat(spec).containsEntry("secretName", tls.getSecretName());
        assertThat(tls.getSecretName()).as("the Secret the gateway mounts for its own HTTPS").isEqualTo(
                "api-gateway-tls");
        assertThat((List<Object>) spec.get("dnsNames")).containsExactly(v.get("gatewayHost"));
        Map<String, Object> issuerRef = (Map<String, Object>) spec.get("issuerRef");
        assertThat(issuerRef).containsEntry("kind", "ClusterIssuer").containsEntry("name", v.get("clusterIssuer"));

        GenericKubernetesResource issuer = R.generic("ClusterIssuer").get(0);
        assertThat(issuer.getMetadata().getName()).isEqualTo(v.get("clusterIssuer"));
        assertThat(R.yaml()).contains("email: " + v.get("acmeEmail"))
                .contains("ingressClassName: " + v.get("ingressClass"));

        // the backend: the gateway Service's https port, served by the gateway with the same Secret
        String port = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService()
                .getPort().getName();
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry(
                "nginx.ingress.kubernetes.io/backend-protocol", "HTTPS");
        assertThat(R.one(Service.class, "api-gateway").getSpec().getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo(port);
            assertThat(p.getPort()).isEqualTo(8443);
        });
        assertThat(R.yaml()).contains("secretName: api-gateway-tls");
    }

    @Test
    void theGatewayTrustsForwardedAddressesOnlyFromTheIngressControllerWhichAloneMayReachIt() throws IOException {
        Map<String, String> v = values();
        assertThat(config("api-gateway")).containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", v.get("trustedProxies"))
                .containsEntry("OMNIPHI_GATEWAY_AUTH_ENVIRONMENT", v.get("gatewayEnvironment"))
                .containsEntry("OMNIPHI_GATEWAY_AUTH_URI", v.get("portalOrigin"))
                .containsEntry("CORS_ORIGINS", v.get("portalOrigin"));
        assertThat(v.get("trustedProxies")).doesNotContain("0.0.0.0/0").doesNotContain("::/0");
        NetworkPolicy gateway = R.one(NetworkPolicy.class, "api-gateway");
        assertThat(gateway.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom())
                .extracting(NetworkPolicyPeer::getNamespaceSelector).allSatisfy(ns -> assertThat(ns.getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", v.get("ingressControllerNamespace"))));
    }

    @Test
    void externalPostgresqlAndKafkaReplaceTheBundledOnes() throws IOException {
        Map<String, String> v = values();
        assertThat(R.objects()).as("no CloudNativePG or Strimzi resources left").noneMatch(o -> o.getApiVersion()
                .startsWith("postgresql.cnpg.io/") || o.getApiVersion().startsWith("kafka.strimzi.io/"));
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = config(service);
            assertThat(env.get("DB_REACTIVE_URL")).startsWith("postgresql://" + v.get("postgresqlAddress") + "/");
            assertThat(env.get("DB_JDBC_URL")).startsWith("jdbc:postgresql://" + v.get("postgresqlAddress") + "/");
            assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", v.get("kafkaBootstrap"));
        }
        assertThat(R.one(NetworkPolicy.class, "omniphi-external-postgresql").getSpec().getEgress()).singleElement()
                .satisfies(rule -> {
                    assertThat(rule.getTo().get(0).getIpBlock().getCidr()).isEqualTo(v.get("postgresqlCidr"));
                    assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(5432);
                });
        assertThat(R.one(NetworkPolicy.class, "omniphi-external-kafka").getSpec().getEgress()).singleElement()
                .satisfies(rule -> {
                    assertThat(rule.getTo().get(0).getIpBlock().getCidr()).isEqualTo(v.get("kafkaCidr"));
                    assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(9093);
                });
        assertThat(R.one(NetworkPolicy.class, "omniphi-external-postgresql").getSpec().getPodSelector()
                .getMatchExpressions().get(0).getValues()).containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
    }

    @Test
    void nodeDefaultsComeFromTheValues() throws IOException {
        Map<String, String> v = values();
        assertThat(config("provisioning-service"))
                .containsEntry("OMNIPHI_PROVISIONING_DEFAULT_CHAIN_ID", v.get("chainId"))
                .containsEntry("OMNIPHI_PROVISIONING_REFERENCE_RPC", v.get("referenceRpc"))
                .containsEntry("OMNIPHI_PROVISIONING_KUBERNETES_IMAGE", v.get("nodeImage"))
                .containsEntry("OMNIPHI_PROVISIONING_KUBERNETES_BINARY", v.get("nodeBinary"))
                .containsEntry("OMNIPHI_PROVISIONING_KUBERNETES_HOME", v.get("nodeHome"))
                .containsEntry("OMNIPHI_PROVISIONING_KUBERNETES_MINIMUM_GAS_PRICES", v.get("minimumGasPrices"))
                .containsEntry("OMNIPHI_PROVISIONING_KUBERNETES_STORAGE_SIZE", v.get("nodeStorageSize"))
                .containsEntry("OMNIPHI_PROVISIONING_KUBERNETES_STORAGE_CLASS", v.get("nodeStorageClass"))
                .containsEntry("OMNIPHI_PROVISIONING_KUBERNETES_P2P_EXPOSURE", v.get("nodeP2pExposure"));
        assertThat(config("api-gateway")).containsEntry("OMNIPHI_GATEWAY_CHAIN_ID", v.get("chainId"));
        assertThat(config("heartbeat-service")).containsEntry("CHAIN_RPC_URL", v.get("referenceRpc"));
    }
}
