package network.omniphi.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.events.Topics;
import network.omniphi.commons.inbox.DeadLetters;
import network.omniphi.proto.events.v1.EventMeta;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * On the real test broker: a record the provisioner can never apply (unparseable bytes; an event without an event
 * id) goes to {@code <topic>.dlq} with its reason, source position and consumer in headers, the dead-letter counter
 * counts it, and the next record on the same partition is applied.
 */
@QuarkusTest
@TestProfile(LocalRuntimeFlowTest.LocalRuntime.class)
@QuarkusTestResource(FakeChain.class)
class PoisonEventTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void poisonRecordsAreDeadLetteredAndTheirPartitionGoesOn() {
        Pool pool = Arc.container().instance(Pool.class).get();
        KafkaAssignment.awaitConsuming(pool);
        String setupId = UUID.randomUUID().toString(); // one key: every record below lands on the same partition
        UUID goodEvent = UUID.randomUUID();
        byte[] garbage = "not a protobuf \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        byte[] noEventId = StopRequested.newBuilder().setMeta(EventMeta.newBuilder().setProducer("test"))
                .setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_LOCAL).build().toByteArray();
        byte[] good = StopRequested.newBuilder().setMeta(EventMetas.create(goodEvent, setupId, "test", Instant.now()))
                .setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_LOCAL).build().toByteArray();

        try (KafkaTopicReader dlq = new KafkaTopicReader(Topics.deadLetter(KafkaAssignment.STOP_TOPIC))) {
            KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, garbage);
            KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, noEventId);
            KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, good);

            await().atMost(PATIENCE).until(() -> processed(pool, goodEvent));
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(PATIENCE)
                    .until(() -> dlq.recordsWithKey(setupId), r -> r.size() == 2);

            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(header(dead.get(0), DeadLetters.REASON)).startsWith("undecodable: ").contains("wire type");
            assertThat(header(dead.get(0), DeadLetters.SOURCE_TOPIC)).isEqualTo(KafkaAssignment.STOP_TOPIC);
            assertThat(header(dead.get(0), DeadLetters.CONSUMER)).isEqualTo(StopRequestedConsumer.CONSUMER);
            assertThat(Long.parseLong(header(dead.get(0), DeadLetters.SOURCE_OFFSET)))
                    .isLessThan(Long.parseLong(header(dead.get(1), DeadLetters.SOURCE_OFFSET)));
            assertThat(header(dead.get(0), DeadLetters.SOURCE_PARTITION))
                    .isEqualTo(header(dead.get(1), DeadLetters.SOURCE_PARTITION));
            assertThat(dead.get(1).value()).isEqualTo(noEventId);
            assertThat(header(dead.get(1), DeadLetters.REASON)).contains("meta.event_id is missing");
        }
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("omniphi_events_dead_lettered_total\\{[^}]*topic=\""
                + KafkaAssignment.STOP_TOPIC.replace(".", "\\.") + "\"[^}]*} 2\\.0");
    }

    private static boolean processed(Pool pool, UUID eventId) {
        return pool.preparedQuery("SELECT 1 FROM processed_events WHERE event_id = $1 AND consumer = $2")
                .execute(Tuple.of(eventId, StopRequestedConsumer.CONSUMER)).await().atMost(Duration.ofSeconds(5))
                .size() == 1;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
