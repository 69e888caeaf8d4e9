package network.omniphi.heartbeat.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.commons.events.Topics;
import network.omniphi.heartbeat.support.TestClock;
import network.omniphi.heartbeat.support.TestNode;
import network.omniphi.proto.events.v1.HeartbeatEvent;
import network.omniphi.testsupport.KafkaTopicReader;

/** Stale and recovered transitions, driven with the test clock; each transition emits exactly one event. */
@QuarkusTest
class LivenessMonitorTest {

    @Inject
    LivenessMonitor monitor;

    @Inject
    TestClock clock;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private LivenessMonitor.Round round() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> monitor.runOnce());
    }

    private boolean stale(String wallet) {
        return given().queryParam("walletAddress", wallet).get("/internal/v1/heartbeats").then().statusCode(200)
                .extract().jsonPath().getBoolean("[0].stale");
    }

    private long outboxRows(String key, boolean published) {
        return pool
                .preparedQuery("SELECT count(*) FROM outbox WHERE record_key = $1 AND (published_at IS NOT NULL) = $2")
                .execute(Tuple.of(key, published)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void silentNodeGoesStaleOnceAndRecoversWhenHeartbeatsResume() throws Throwable {
        TestNode node = new TestNode().linked();
        given().contentType(ContentType.JSON).body(node.signed(clock.instant(), 100))
                .post("/api/v1/validators/heartbeat").then().statusCode(202);
        round();
        assertThat(stale(node.wallet)).isFalse();
        assertThat(outboxRows(node.wallet, false) + outboxRows(node.wallet, true)).isZero();

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(stale(node.wallet)).isTrue();
        assertThat(round().stale()).isPositive();
        round(); // a second round must not emit again
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(node.wallet, false) == 0);
        assertThat(outboxRows(node.wallet, true)).isEqualTo(1);

        given().contentType(ContentType.JSON).body(node.signed(clock.instant(), 101))
                .post("/api/v1/validators/heartbeat").then().statusCode(202);
        assertThat(round().recovered()).isPositive();
        round();
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(node.wallet, false) == 0);

        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.HEARTBEAT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.recordsWithKey(node.wallet).size() >= 2);
            List<HeartbeatEvent> events = reader.recordsWithKey(node.wallet).stream().map(LivenessMonitorTest::parse)
                    .toList();
            assertThat(events).extracting(HeartbeatEvent::getPayloadCase)
                    .containsExactly(HeartbeatEvent.PayloadCase.STALE, HeartbeatEvent.PayloadCase.RECOVERED);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.getConsensusPubkey()).isEqualTo(node.pubkey);
                assertThat(e.getWalletAddress()).isEqualTo(node.wallet);
                assertThat(e.getMeta().getProducer()).isEqualTo("heartbeat-service");
            });
            assertThat(events.get(1).getRecovered().getBlockHeight()).isEqualTo(101);
        }
    }

    private static HeartbeatEvent parse(ConsumerRecord<String, byte[]> record) {
        try {
            return HeartbeatEvent.parseFrom(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
