package network.omniphi.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import network.omniphi.commons.events.Topics;
import network.omniphi.commons.outbox.OutboxRelay;
import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.testsupport.KafkaTopicReader;

@QuarkusTest
class OutboxPublishingTest {

    @Inject
    OutboxRelay relay;

    @AfterEach
    void resumeRelay() {
        relay.resume();
    }

    @Test
    void setupRequestedIsPublishedOnceWithTheSetupFields() throws Exception {
        String wallet = TestData.wallet();
        Map<String, Object> body = TestData.setupBody(wallet);
        String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(body)
                .post("/api/v1/validators/setup-requests")
                .then().statusCode(201).extract().path("setupRequest.id");
        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.SETUP_REQUESTED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.recordsWithKey(id).size() == 1);
            SetupRequested event = SetupRequested.parseFrom(reader.recordsWithKey(id).get(0).value());
            assertThat(event.getSetupRequestId()).isEqualTo(id);
            assertThat(event.getWalletAddress()).isEqualTo(wallet);
            assertThat(event.getValidatorName()).isEqualTo(body.get("validatorName"));
            assertThat(event.getCommissionRate()).isEqualTo("0.100000000000000000");
            assertThat(event.getRunMode()).isEqualTo(RunMode.RUN_MODE_CLOUD);
            assertThat(event.getProvider()).isEqualTo("omniphi_cloud");
            assertThat(event.getMeta().getSubjectId()).isEqualTo(id);
            assertThat(event.getMeta().getProducer()).isEqualTo("api-gateway");
            assertThat(event.getMeta().getSchemaVersion()).isEqualTo(1);
            assertThat(event.getMeta().getEventId()).isNotBlank();
            assertThat(event.getMeta().hasOccurredAt()).isTrue();
        }
    }

    @Test
    void eventWrittenWhileTheRelayIsDownIsPublishedExactlyOnceAfterARestart() throws Exception {
        String wallet = TestData.wallet();
        TestAuth.tokenFor(wallet);
        relay.pause();
        String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                .post("/api/v1/validators/setup-requests").then().statusCode(201).extract().path("setupRequest.id");
        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.SETUP_REQUESTED)) {
            assertThat(reader.recordsWithKey(id)).isEmpty();
            relay.restart();
            relay.resume();
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.recordsWithKey(id).size() >= 1);
            // more relay rounds after a restart must not publish it again
            relay.restart();
            relay.relayOnce();
            relay.relayOnce();
            try (KafkaTopicReader second = new KafkaTopicReader(Topics.SETUP_REQUESTED)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !second.recordsWithKey(id).isEmpty());
                List<ConsumerRecord<String, byte[]>> all = second.recordsWithKey(id);
                assertThat(all).hasSize(1);
            }
        }
    }

    @Test
    void stopRequestedIsPublished() throws Exception {
        String wallet = TestData.wallet();
        String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                .post("/api/v1/validators/setup-requests").then().statusCode(201).extract().path("setupRequest.id");
        TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", id))
                .post("/api/v1/validators/stop")
                .then().statusCode(202);
        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.STOP_REQUESTED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.recordsWithKey(id).size() == 1);
            StopRequested event = StopRequested.parseFrom(reader.recordsWithKey(id).get(0).value());
            assertThat(event.getSetupRequestId()).isEqualTo(id);
            assertThat(event.getRunMode()).isEqualTo(RunMode.RUN_MODE_CLOUD);
        }
    }
}
