package network.omniphi.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.tracing.SetupTelemetry;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.SetupLogLines;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * On the real broker and database: a command record carrying a W3C {@code traceparent} header (as the gateway's
 * outbox relay sends it) is applied inside a CONSUMER span of that trace, child of the header's span, with the setup
 * id as attribute; every log line of the apply (also after its database round trip) carries the MDC key
 * {@code setupRequestId}.
 */
@QuarkusTest
@TestProfile(LocalRuntimeFlowTest.LocalRuntime.class)
@QuarkusTestResource(FakeChain.class)
class ConsumerTracingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @RegisterExtension
    final SetupLogLines logs = new SetupLogLines();

    @Test
    void aCommandIsAppliedInAConsumerSpanOfTheProducersTraceAndItsLogsNameTheSetup() {
        KafkaAssignment.awaitConsuming(Arc.container().instance(Pool.class).get());
        String setupId = UUID.randomUUID().toString();
        // a remote parent as the gateway's relay would send it (random ids of a sampled span)
        SpanContext parent = SpanContext.createFromRemoteParent(
                UUID.randomUUID().toString().replace("-", ""),
                UUID.randomUUID().toString().replace("-", "").substring(0, 16), TraceFlags.getSampled(),
                TraceState.getDefault());
        String traceparent = "00-" + parent.getTraceId() + "-" + parent.getSpanId() + "-01";
        byte[] stop = StopRequested.newBuilder()
                .setMeta(EventMetas.create(UUID.randomUUID(), setupId, "api-gateway", Instant.now()))
                .setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_CLOUD).setProvider("omniphi_cloud").build()
                .toByteArray();

        send(KafkaAssignment.STOP_TOPIC, setupId, stop, traceparent);

        SpanData consumer = await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(parent.getTraceId()) && s.getKind() == SpanKind.CONSUMER)
                .findFirst().orElse(null), s -> s != null);
        assertThat(consumer.getParentSpanId()).isEqualTo(parent.getSpanId());
        assertThat(consumer.getName()).isEqualTo("process " + KafkaAssignment.STOP_TOPIC);
        assertThat(consumer.getAttributes().get(SetupTelemetry.ATTRIBUTE)).isEqualTo(setupId);
        assertThat(consumer.getAttributes().get(io.opentelemetry.api.common.AttributeKey
                .stringKey("messaging.destination.name"))).isEqualTo(KafkaAssignment.STOP_TOPIC);

        // logged by StopRequestedConsumer after it read the node table (a Mutiny hop off the consumer's first call)
        SetupLogLines.Line line = logs.await(m -> m.contains("stop for setup " + setupId), PATIENCE);
        assertThat(line.setupRequestId()).isEqualTo(setupId);
        // the apply's own work (its SQL statements) runs in the consumer span
        assertThat(spans.getFinishedSpanItems()).anySatisfy(s -> {
            assertThat(s.getParentSpanId()).isEqualTo(consumer.getSpanId());
            assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
        });
    }

    @Test
    void aRecordWithoutTraceHeadersStartsItsOwnTrace() {
        KafkaAssignment.awaitConsuming(Arc.container().instance(Pool.class).get());
        String setupId = UUID.randomUUID().toString();
        byte[] stop = StopRequested.newBuilder()
                .setMeta(EventMetas.create(UUID.randomUUID(), setupId, "api-gateway", Instant.now()))
                .setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_CLOUD).setProvider("omniphi_cloud").build()
                .toByteArray();

        send(KafkaAssignment.STOP_TOPIC, setupId, stop, null);

        SpanData consumer = await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> setupId.equals(s.getAttributes().get(SetupTelemetry.ATTRIBUTE))).findFirst()
                .orElse(null), s -> s != null);
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getParentSpanContext().isValid()).isFalse();
    }

    private static void send(String topic, String key, byte[] value, String traceparent) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopicReader.BOOTSTRAP);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
