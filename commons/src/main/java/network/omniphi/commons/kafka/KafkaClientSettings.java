package network.omniphi.commons.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * The connection settings every Kafka client of a service shares: the same {@code kafka.*} configuration (and
 * {@code KAFKA_*} environment variables) the messaging channels use, as Quarkus collects them in the
 * {@code default-kafka-broker} map. Producers the suite makes itself (the outbox relay, the dead-letter writer) take
 * the bootstrap servers and every security setting from here, so a broker that requires SCRAM over TLS is reached by
 * them exactly as by the consumers. Only connection and security keys are taken over (not e.g. {@code group.id}).
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> connection;

    @Inject
    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.connection = connectionSettings(broker);
    }

    /** The connection and security entries of a {@code kafka.*} map. */
    public static Map<String, Object> connectionSettings(Map<String, Object> broker) {
        Map<String, Object> out = new TreeMap<>();
        broker.forEach((key, value) -> {
            if (value == null || value.toString().isEmpty()) {
                return;
            }
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.equals("client.dns.lookup")) {
                out.put(key, value);
            }
        });
        return Map.copyOf(out);
    }

    public Map<String, Object> connection() {
        return connection;
    }

    /**
     * Settings of an idempotent, acks=all producer of string keys and byte values with these connection settings.
     * {@code clientIdPrefix} names it in broker logs and quotas.
     */
    public Properties producer(String clientIdPrefix) {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + UUID.randomUUID());
        return props;
    }
}
