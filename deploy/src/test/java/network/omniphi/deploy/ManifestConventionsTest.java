package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;

import network.omniphi.deploy.Manifests.Rendered;

/** The conventions every rendered overlay must keep (labels, pod hardening, secrets, RBAC, availability). */
class ManifestConventionsTest {

    private static final Map<String, Set<Integer>> PORTS = Map.of("api-gateway", Set.of(8080),
            "provisioning-service", Set.of(8081), "chain-service", Set.of(8082, 9002), "heartbeat-service",
            Set.of(8083));
    private static final Set<String> FORBIDDEN_VERBS = Set.of("*", "delete", "deletecollection", "escalate", "bind",
            "impersonate");

    static Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectCarriesTheRecommendedLabels(String overlay) {
        for (HasMetadata o : Manifests.render(overlay).objects()) {
            assertThat(o.getMetadata().getLabels()).as("%s %s labels", o.getKind(), o.getMetadata().getName())
                    .containsKey("app.kubernetes.io/name")
                    .containsEntry("app.kubernetes.io/part-of", "omniphi-validator-orchestrator")
                    .containsEntry("app.kubernetes.io/managed-by", "kustomize");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceDeploymentIsHardenedProbedAndBounded(String overlay) {
        Rendered r = Manifests.render(overlay);
        assertThat(r.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
        for (Deployment d : r.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels())
                    .containsKeys("app.kubernetes.io/component", "app.kubernetes.io/part-of");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getServiceAccountName()).as(name).isEqualTo(name);
            assertThat(pod.getAutomountServiceAccountToken()).as("%s mounts an API token", name)
                    .isEqualTo(name.equals("provisioning-service"));
            assertThat(pod.getContainers()).hasSize(1);
            Container c = pod.getContainers().get(0);
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(c.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(c.getSecurityContext().getCapabilities().getAdd()).as(name).isNullOrEmpty();
            assertThat(c.getVolumeMounts()).as(name).anyMatch(m -> m.getMountPath().equals("/tmp")
                    && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName())
                            && v.getEmptyDir() != null));
            assertProbe(name, c.getLivenessProbe(), "/q/health/live");
            assertProbe(name, c.getReadinessProbe(), "/q/health/ready");
            assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(name).containsKeys("memory");
            assertThat(c.getPorts()).extracting(p -> p.getContainerPort()).as(name).containsAll(PORTS.get(name));
            assertThat(c.getImage()).as(name).startsWith("ghcr.io/omniphi/" + name + ":").doesNotEndWith(":latest");
            assertThat(c.getEnv()).as("%s credentials come from a Secret", name)
                    .filteredOn(e -> e.getName().equals("DB_PASSWORD")).singleElement()
                    .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).startsWith("omniphi-pg-"));
            c.getEnvFrom().forEach(
                    from -> assertThat(r.find(ConfigMap.class, from.getConfigMapRef().getName())).as(name).isPresent());
        }
    }

    private static void assertProbe(String name, Probe probe, String path) {
        assertThat(probe).as("%s probe %s", name, path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as("%s probes the management port", name)
                .isEqualTo("management");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void configMapsCarryTheKeysTheServicesRead(String overlay) {
        Rendered r = Manifests.render(overlay);
        for (String service : Manifests.SERVICES) {
            assertThat(r.one(ConfigMap.class, service + "-config").getData()).as(service)
                    .containsKeys("QUARKUS_PROFILE", "DB_REACTIVE_URL", "DB_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS");
        }
        assertThat(r.one(ConfigMap.class, "api-gateway-config").getData()).containsKeys("HEARTBEAT_SERVICE_URL",
                "CHAIN_SERVICE_HOST", "CHAIN_SERVICE_GRPC_PORT", "GATEWAY_SIGNING_KEY_FILE", "CORS_ORIGINS");
        assertThat(r.one(ConfigMap.class, "chain-service-config").getData()).containsKeys("CHAIN_GRPC_HOST",
                "CHAIN_GRPC_PORT");
        assertThat(r.one(ConfigMap.class, "heartbeat-service-config").getData()).containsKey("CHAIN_RPC_URL");
        assertThat(r.one(ConfigMap.class, "provisioning-service-config").getData())
                .containsEntry("OMNIPHI_PROVISIONING_RUNTIME", "kubernetes");
        assertThat(r.yaml()).as("no credentials in plain text").doesNotContainPattern("(?i)password:\\s*\\S+");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsAreOnlyReferencedAndEveryReferencedSecretIsDocumented(String overlay) throws IOException {
        Rendered r = Manifests.render(overlay);
        for (Secret s : r.all(Secret.class)) {
            assertThat(s.getData()).as("Secret %s", s.getMetadata().getName()).isNullOrEmpty();
            assertThat(s.getStringData()).as("Secret %s", s.getMetadata().getName()).isNullOrEmpty();
        }
        Set<String> referenced = new HashSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            pod.getVolumes().stream().filter(v -> v.getSecret() != null)
                    .forEach(v -> referenced.add(v.getSecret().getSecretName()));
            pod.getContainers().stream().flatMap(c -> c.getEnv().stream()).map(EnvVar::getValueFrom)
                    .filter(v -> v != null && v.getSecretKeyRef() != null)
                    .forEach(v -> referenced.add(v.getSecretKeyRef().getName()));
        }
        referenced.addAll(secretNamesIn(r.generic("Cluster")));
        String readme = Files.readString(Manifests.DEPLOY.resolve("README.md"));
        assertThat(referenced).contains("omniphi-pg-gateway", "omniphi-pg-provisioning", "omniphi-pg-chain",
                "omniphi-pg-heartbeat", "api-gateway-jwt");
        assertThat(referenced).allSatisfy(name -> assertThat(readme).as("README documents Secret %s", name)
                .contains(name));
    }

    private static Set<String> secretNamesIn(List<GenericKubernetesResource> objects) {
        Set<String> names = new HashSet<>();
        var matcher = java.util.regex.Pattern.compile("\"(?:passwordSecret|secret|accessKeyId|secretAccessKey)\""
                + ":\\{[^}]*\"name\":\"([^\"]+)\"").matcher(Manifests.SERIALIZATION.asJson(objects));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void provisionerRolesAreNamespacedAndLeastPrivilege(String overlay) {
        Rendered r = Manifests.render(overlay);
        assertThat(r.objects()).noneMatch(o -> o.getKind().equals("ClusterRole") || o.getKind().equals(
                "ClusterRoleBinding"));
        for (Role role : r.all(Role.class)) {
            for (PolicyRule rule : role.getRules()) {
                assertThat(rule.getVerbs()).as("verbs of %s", rule.getResources()).doesNotContainAnyElementsOf(
                        FORBIDDEN_VERBS);
                assertThat(rule.getResources()).doesNotContain("*", "secrets", "pods/exec");
                assertThat(rule.getApiGroups()).doesNotContain("*");
            }
        }
        // own namespace: only the leader Lease, get/update by name (create cannot be limited by name)
        Role own = r.one(Role.class, "provisioning-service");
        assertThat(own.getRules()).allSatisfy(rule -> assertThat(rule.getResources()).containsExactly("leases"));
        assertThat(own.getRules()).anySatisfy(rule -> {
            assertThat(rule.getResourceNames()).containsExactly("omniphi-provisioning-leader");
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "update");
        });
        assertThat(own.getRules()).allSatisfy(rule -> assertThat(rule.getVerbs().contains("get")
                || rule.getVerbs().contains("update")).isEqualTo(rule.getResourceNames() != null
                        && !rule.getResourceNames().isEmpty()));
        // validator namespace: what the reconciler calls, nothing else
        Role nodes = r.one(Role.class, "provisioning-service-nodes");
        assertThat(nodes.getMetadata().getNamespace()).isEqualTo(Manifests.validatorNamespace(r))
                .isNotEqualTo(own.getMetadata().getNamespace());
        Map<String, Set<String>> verbs = nodes.getRules().stream().flatMap(rule -> rule.getResources().stream()
                .map(res -> Map.entry(res, Set.copyOf(rule.getVerbs()))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(verbs).containsOnlyKeys("validatornodes", "validatornodes/status", "validatornodes/finalizers",
                "statefulsets", "services", "configmaps", "persistentvolumeclaims", "networkpolicies", "pods",
                "events");
        assertThat(verbs.get("pods")).containsExactlyInAnyOrder("get", "list", "watch");
        assertThat(verbs.get("persistentvolumeclaims")).doesNotContain("update");
        for (String name : List.of("provisioning-service", "provisioning-service-nodes")) {
            var binding = r.one(io.fabric8.kubernetes.api.model.rbac.RoleBinding.class, name);
            assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
                assertThat(s.getName()).isEqualTo("provisioning-service");
                assertThat(s.getNamespace()).isEqualTo(own.getMetadata().getNamespace());
            });
        }
        assertThat(r.find(ServiceAccount.class, "provisioning-service")).isPresent();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void replicatedServicesHaveADisruptionBudgetAndTheProvisionerAndChainServiceRunTwo(String overlay) {
        Rendered r = Manifests.render(overlay);
        assertThat(r.one(Deployment.class, "provisioning-service").getSpec().getReplicas()).isEqualTo(2);
        Deployment chain = r.one(Deployment.class, "chain-service");
        assertThat(chain.getSpec().getReplicas()).isEqualTo(2);
        assertThat(chain.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(chain.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(r.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("api-gateway", "heartbeat-service");
        for (Deployment d : r.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            int replicas = r.find(HorizontalPodAutoscaler.class, name).map(h -> h.getSpec().getMinReplicas())
                    .orElse(d.getSpec().getReplicas());
            var pdb = r.find(PodDisruptionBudget.class, name);
            if (replicas > 1) {
                assertThat(pdb).as("PDB of %s (%d replicas)", name, replicas).isPresent();
                assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                        .containsAllEntriesOf(pdb.get().getSpec().getSelector().getMatchLabels());
            } else {
                assertThat(pdb).as("no PDB for single-replica %s (it would block drains)", name).isEmpty();
            }
            if (r.find(HorizontalPodAutoscaler.class, name).isPresent()) {
                assertThat(d.getSpec().getReplicas()).as("%s replicas are the HPA's", name).isNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesSelectTheirPodsAndServiceMonitorsScrapeQuarkusMetrics(String overlay) {
        Rendered r = Manifests.render(overlay);
        for (String name : Manifests.SERVICES) {
            Service svc = r.one(Service.class, name);
            assertThat(r.one(Deployment.class, name).getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(svc.getSpec().getSelector());
            GenericKubernetesResource monitor = r.generic("ServiceMonitor").stream()
                    .filter(m -> m.getMetadata().getName().equals(name)).findFirst().orElseThrow();
            assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
            Map<String, Object> endpoint = monitor.<List<Map<String, Object>>>get("spec", "endpoints").get(0);
            assertThat(endpoint).containsEntry("path", "/q/metrics").containsEntry("port", "management");
            assertThat(svc.getSpec().getPorts()).anyMatch(p -> p.getName().equals("management"));
            assertThat(svc.getMetadata().getLabels()).containsAllEntriesOf(
                    monitor.<Map<String, String>>get("spec", "selector", "matchLabels"));
        }
    }
}
