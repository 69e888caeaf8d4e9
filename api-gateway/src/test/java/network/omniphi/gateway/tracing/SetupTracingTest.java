package network.omniphi.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import network.omniphi.commons.events.Topics;
import network.omniphi.commons.tracing.SetupTelemetry;
import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * Traces at the gateway, on the real database and broker: the SetupRequested event written by {@code POST
 * setup-requests} (in the outbox, inside the request's server span) is published with a W3C {@code traceparent}
 * header of that request's trace; a request to a path naming a setup has a server span with
 * {@code omniphi.setup_request_id}.
 */
@QuarkusTest
class SetupTracingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theOutboxEventOfARequestCarriesTheRequestsTraceToKafka() throws Exception {
        String wallet = TestData.wallet();
        TestAuth.tokenFor(wallet);
        String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                .post("/api/v1/validators/setup-requests")
                .then().statusCode(201).extract().path("setupRequest.id");

        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.SETUP_REQUESTED)) {
            ConsumerRecord<String, byte[]> record = await().atMost(PATIENCE)
                    .until(() -> reader.recordsWithKey(id), r -> r.size() == 1).get(0);
            String traceparent = header(record, "traceparent");
            assertThat(traceparent).as("W3C traceparent header").isNotNull()
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            String traceId = traceparent.split("-")[1];
            // the trace is the one of the POST request that wrote the event (each request starts its own trace)
            SpanData post = await().atMost(PATIENCE).until(() -> server("POST", "/api/v1/validators/setup-requests")
                    .stream().filter(s -> s.getTraceId().equals(traceId)).findFirst().orElse(null), s -> s != null);
            assertThat(post.getParentSpanContext().isValid()).isFalse();
            // the header names the relay's PRODUCER span, a child of the request's trace carrying the setup
            String producerSpanId = traceparent.split("-")[2];
            SpanData publish = await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getSpanId().equals(producerSpanId)).findFirst().orElse(null), s -> s != null);
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publish.getTraceId()).isEqualTo(post.getTraceId());
            assertThat(publish.getAttributes().get(SetupTelemetry.ATTRIBUTE)).isEqualTo(id);
        }
    }

    @Test
    void aRequestToASetupsPathHasAServerSpanWithTheSetupId() {
        String wallet = TestData.wallet();
        TestAuth.tokenFor(wallet);
        String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                .post("/api/v1/validators/setup-requests")
                .then().statusCode(201).extract().path("setupRequest.id");

        TestAuth.as(wallet).get("/api/v1/validators/setup-requests/" + id).then().statusCode(200);

        List<SpanData> gets = await().atMost(PATIENCE).until(
                () -> server("GET", "/api/v1/validators/setup-requests/{id}").stream()
                        .filter(s -> id.equals(s.getAttributes().get(SetupTelemetry.ATTRIBUTE))).toList(),
                l -> !l.isEmpty());
        assertThat(gets).hasSize(1);
        assertThat(gets.get(0).getKind()).isEqualTo(SpanKind.SERVER);
    }

    private List<SpanData> server(String method, String route) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().equals(method + " " + route)).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
