package network.omniphi.heartbeat.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.events.Topics;
import network.omniphi.heartbeat.support.TestNode;
import network.omniphi.proto.events.v1.HeartbeatEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.testsupport.KafkaTopicReader;

/** A local SetupRequested on Kafka plus one signed heartbeat yields first_seen with the setup id (either order). */
@QuarkusTest
class LocalSetupFlowTest {

    @Inject
    Clock clock;

    private static void sendSetup(String setupId, String wallet, RunMode mode) {
        SetupRequested event = SetupRequested.newBuilder()
                .setMeta(EventMetas.create(setupId, "api-gateway", Clock.systemUTC()))
                .setSetupRequestId(setupId).setWalletAddress(wallet).setValidatorName("local-node")
                .setCommissionRate("0.100000000000000000").setRunMode(mode).setProvider("local").build();
        KafkaTopicReader.send(Topics.SETUP_REQUESTED, setupId, event.toByteArray());
        KafkaTopicReader.send(Topics.SETUP_REQUESTED, setupId, event.toByteArray()); // redelivery: deduped
    }

    private static String setupOf(String wallet) {
        return given().queryParam("walletAddress", wallet).get("/internal/v1/heartbeats").then().statusCode(200)
                .extract().jsonPath().getString("[0].setupRequestId");
    }

    private static List<HeartbeatEvent> events(KafkaTopicReader reader, String key) {
        return reader.recordsWithKey(key).stream().map(LocalSetupFlowTest::parse).toList();
    }

    @Test
    void firstHeartbeatOfAWalletWithAPendingLocalSetupEmitsFirstSeen() {
        TestNode node = new TestNode();
        String setupId = UUID.randomUUID().toString();
        sendSetup(setupId, node.wallet, RunMode.RUN_MODE_LOCAL);
        given().contentType(ContentType.JSON).body(node.signed(clock.instant(), 7))
                .post("/api/v1/validators/heartbeat").then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> setupId.equals(setupOf(node.wallet)));
        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.HEARTBEAT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events(reader, setupId).isEmpty());
            HeartbeatEvent event = events(reader, setupId).get(0);
            assertThat(event.getPayloadCase()).isEqualTo(HeartbeatEvent.PayloadCase.FIRST_SEEN);
            assertThat(event.getSetupRequestId()).isEqualTo(setupId);
            assertThat(event.getWalletAddress()).isEqualTo(node.wallet);
            assertThat(event.getConsensusPubkey()).isEqualTo(node.pubkey);
            assertThat(event.getFirstSeen().getBlockHeight()).isEqualTo(7);
            assertThat(event.getMeta().getSubjectId()).isEqualTo(setupId);

            // a later heartbeat does not bind again; a stop unbinds the node from the setup
            given().contentType(ContentType.JSON).body(node.signed(clock.instant().plusMillis(5), 8))
                    .post("/api/v1/validators/heartbeat").then().statusCode(202);
            StopRequested stop = StopRequested.newBuilder()
                    .setMeta(EventMetas.create(setupId, "api-gateway", Clock.systemUTC())).setSetupRequestId(setupId)
                    .setWalletAddress(node.wallet).setRunMode(RunMode.RUN_MODE_LOCAL).build();
            KafkaTopicReader.send(Topics.STOP_REQUESTED, setupId, stop.toByteArray());
            await().atMost(Duration.ofSeconds(60)).until(() -> setupOf(node.wallet) == null);
            assertThat(events(reader, setupId)).hasSize(1);
        }
    }

    @Test
    void cloudSetupsAreIgnored() {
        TestNode node = new TestNode();
        String cloudSetup = UUID.randomUUID().toString();
        String localSetup = UUID.randomUUID().toString();
        sendSetup(cloudSetup, node.wallet, RunMode.RUN_MODE_CLOUD);
        sendSetup(localSetup, node.wallet, RunMode.RUN_MODE_LOCAL); // same partition key order is not guaranteed;
        given().contentType(ContentType.JSON).body(node.signed(clock.instant(), 1))
                .post("/api/v1/validators/heartbeat").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> localSetup.equals(setupOf(node.wallet)));
    }

    private static HeartbeatEvent parse(ConsumerRecord<String, byte[]> record) {
        try {
            return HeartbeatEvent.parseFrom(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
