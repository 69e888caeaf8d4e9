package network.omniphi.commons.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * The producers the suite makes itself (outbox relay, dead letters, the gateway's health probe) get the same
 * connection and security settings as the messaging consumers: what Quarkus collects from {@code kafka.*} and
 * {@code KAFKA_*} into the {@code default-kafka-broker} map.
 */
class KafkaClientSettingsTest {

    /** As Quarkus builds it from the production overlay's environment (plus unrelated KAFKA_* noise). */
    private static final Map<String, Object> BROKER = Map.of(
            "bootstrap.servers", "omniphi-kafka-kafka-bootstrap:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"chain-service\" password=\"p\";",
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/omniphi/kafka-ca/ca.crt",
            "group.id", "chain-service",
            "test.bootstrap.servers", "127.0.0.1:9110",
            "ssl.endpoint.identification.algorithm", "");

    @Test
    void producersTakeEverySecuritySettingOfTheConsumers() {
        Properties producer = new KafkaClientSettings(BROKER).producer("outbox-relay");

        assertThat(producer)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "omniphi-kafka-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", BROKER.get("sasl.jaas.config"))
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/omniphi/kafka-ca/ca.crt")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        assertThat(producer).doesNotContainKeys("group.id", "test.bootstrap.servers",
                "ssl.endpoint.identification.algorithm");
        assertThat((String) producer.get(ProducerConfig.CLIENT_ID_CONFIG)).startsWith("outbox-relay-");
    }

    @Test
    void theLocalStackStaysPlaintext() {
        Properties producer = new KafkaClientSettings(Map.of("bootstrap.servers", "localhost:9092",
                "group.id", "api-gateway")).producer("dead-letters");

        assertThat(producer).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .doesNotContainKeys("security.protocol", "sasl.jaas.config", "group.id");
    }
}
