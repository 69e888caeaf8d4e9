package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import network.omniphi.deploy.Manifests.Rendered;

/** Kafka topics and clusters (Strimzi) and PostgreSQL (CloudNativePG) as each overlay declares them. */
class PlatformResourcesTest {

    private static final List<String> EVENT_TOPICS = List.of("validator.setup.requested", "validator.stop.requested",
            "validator.consensus-key.linked", "validator.node.events", "validator.chain.events",
            "validator.heartbeat.events");
    /** Every consumed topic has its dead-letter topic (commons Topics.deadLetter). */
    private static final List<String> TOPICS = java.util.stream.Stream.concat(EVENT_TOPICS.stream(),
            EVENT_TOPICS.stream().map(t -> t + ".dlq")).toList();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyEventTopicIsDeclaredWithRetentionAndAnIsrBelowItsReplicas(String overlay) {
        Rendered r = Manifests.render(overlay);
        List<GenericKubernetesResource> topics = r.generic("KafkaTopic");
        assertThat(topics).extracting(t -> (String) t.get("spec", "topicName")).containsExactlyInAnyOrderElementsOf(
                TOPICS);
        int brokers = r.generic("KafkaNodePool").stream()
                .filter(p -> p.<List<String>>get("spec", "roles").contains("broker"))
                .mapToInt(p -> p.<Number>get("spec", "replicas").intValue()).sum();
        for (GenericKubernetesResource t : topics) {
            assertThat(t.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "omniphi-kafka");
            int replicas = t.<Number>get("spec", "replicas").intValue();
            int isr = Integer.parseInt(t.get("spec", "config", "min.insync.replicas"));
            assertThat(replicas).as("replicas of %s", t.getMetadata().getName()).isLessThanOrEqualTo(brokers);
            assertThat(isr).isBetween(1, replicas);
            assertThat(t.<Number>get("spec", "partitions").intValue()).isGreaterThan(0);
            assertThat(Long.parseLong(t.get("spec", "config", "retention.ms"))).isPositive();
            if (overlay.equals("production")) {
                assertThat(replicas).isEqualTo(3);
                assertThat(isr).as("one broker may be lost without refusing writes").isEqualTo(2);
            }
        }
    }

    @Test
    void productionKafkaIsKraftWithDedicatedControllersAndPersistentBrokers() {
        Rendered r = Manifests.render("production");
        GenericKubernetesResource kafka = r.generic("Kafka").stream().filter(k -> k.getMetadata().getName().equals(
                "omniphi-kafka")).findFirst().orElseThrow();
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/node-pools", "enabled")
                .containsEntry("strimzi.io/kraft", "enabled");
        assertThat((Object) kafka.get("spec", "zookeeper")).isNull();
        Map<String, GenericKubernetesResource> pools = r.generic("KafkaNodePool").stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p));
        assertThat(pools).containsOnlyKeys("controller", "broker");
        assertThat(pools.get("controller").<List<String>>get("spec", "roles")).containsExactly("controller");
        assertThat(pools.get("controller").<Number>get("spec", "replicas").intValue()).isEqualTo(3);
        assertThat(pools.get("broker").<Number>get("spec", "replicas").intValue()).isEqualTo(3);
        List<Map<String, Object>> volumes = pools.get("broker").get("spec", "storage", "volumes");
        assertThat(volumes).allSatisfy(v -> assertThat(v).containsEntry("type", "persistent-claim")
                .containsEntry("deleteClaim", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void postgresHasOneDatabaseAndOwnerPerService(String overlay) {
        Rendered r = Manifests.render(overlay);
        GenericKubernetesResource cluster = r.generic("Cluster").get(0);
        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat((String) cluster.get("spec", "bootstrap", "initdb", "database")).isEqualTo("gateway");
        assertThat((String) cluster.get("spec", "bootstrap", "initdb", "owner")).isEqualTo("gateway");
        List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
        assertThat(roles).extracting(m -> m.get("name")).containsExactlyInAnyOrder("provisioning", "chain",
                "heartbeat");
        assertThat(roles).allSatisfy(m -> assertThat(((Map<?, ?>) m.get("passwordSecret")).get("name"))
                .isEqualTo("omniphi-pg-" + m.get("name")));
        assertThat(r.generic("Database")).extracting(d -> d.get("spec", "name") + "=" + d.get("spec", "owner"))
                .containsExactlyInAnyOrder("provisioning=provisioning", "chain=chain", "heartbeat=heartbeat");
        assertThat(r.generic("Database")).allSatisfy(d -> assertThat((String) d.get("spec", "cluster", "name"))
                .isEqualTo("omniphi-pg"));
    }

    @Test
    void productionPostgresIsReplicatedAndBackedUpWithReferencedCredentials() {
        Rendered r = Manifests.render("production");
        GenericKubernetesResource cluster = r.generic("Cluster").get(0);
        assertThat(cluster.<Number>get("spec", "instances").intValue()).isEqualTo(3);
        assertThat((String) cluster.get("spec", "backup", "barmanObjectStore", "destinationPath")).startsWith("s3://");
        assertThat((String) cluster.get("spec", "backup", "barmanObjectStore", "s3Credentials", "accessKeyId",
                "name")).isEqualTo("omniphi-pg-backup");
        assertThat(r.generic("ScheduledBackup")).singleElement().satisfies(b -> assertThat(
                (String) b.get("spec", "cluster", "name")).isEqualTo("omniphi-pg"));
    }
}
