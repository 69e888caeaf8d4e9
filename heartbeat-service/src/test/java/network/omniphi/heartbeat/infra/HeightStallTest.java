package network.omniphi.heartbeat.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

import network.omniphi.commons.events.Topics;
import network.omniphi.heartbeat.support.SettableChainHeight;
import network.omniphi.heartbeat.support.TestClock;
import network.omniphi.heartbeat.support.TestNode;
import network.omniphi.proto.events.v1.HeartbeatEvent;
import network.omniphi.testsupport.KafkaTopicReader;

/** A node whose height stops while the chain advances is flagged once, and recovers when its height moves. */
@QuarkusTest
class HeightStallTest {

    @Inject
    LivenessMonitor monitor;

    @Inject
    TestClock clock;

    @Inject
    SettableChainHeight chain;

    @AfterEach
    void reset() {
        clock.reset();
        chain.set(null);
    }

    private void heartbeat(TestNode node, long height) {
        given().contentType(ContentType.JSON).body(node.signed(clock.instant(), height))
                .post("/api/v1/validators/heartbeat").then().statusCode(202);
    }

    private void round() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> monitor.runOnce());
    }

    private boolean heightStalled(String wallet) {
        return given().queryParam("walletAddress", wallet).get("/internal/v1/heartbeats").then().statusCode(200)
                .extract().jsonPath().getBoolean("[0].heightStalled");
    }

    @Test
    void stalledHeightIsFlaggedOnceAndClearedWhenItMoves() throws Throwable {
        TestNode node = new TestNode().linked();
        heartbeat(node, 100);
        chain.set(5_000_000L);
        round();
        clock.advance(Duration.ofSeconds(61)); // past height-stall-after (PT1M), before stale-after (PT2M)
        heartbeat(node, 100); // still alive, height unchanged
        chain.set(5_000_010L);
        round();
        round();
        assertThat(heightStalled(node.wallet)).isTrue();

        heartbeat(node, 101);
        round();
        assertThat(heightStalled(node.wallet)).isFalse();

        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.HEARTBEAT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.recordsWithKey(node.wallet).size() >= 2);
            List<HeartbeatEvent> events = reader.recordsWithKey(node.wallet).stream().map(r -> {
                try {
                    return HeartbeatEvent.parseFrom(r.value());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(events).extracting(HeartbeatEvent::getPayloadCase)
                    .containsExactly(HeartbeatEvent.PayloadCase.HEIGHT_STALLED, HeartbeatEvent.PayloadCase.RECOVERED);
            assertThat(events.get(0).getHeightStalled().getBlockHeight()).isEqualTo(100);
            assertThat(events.get(0).getHeightStalled().getChainHeight()).isEqualTo(5_000_010L);
        }
    }
}
