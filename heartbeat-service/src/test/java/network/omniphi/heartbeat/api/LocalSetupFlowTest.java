package network.omniphi.heartbeat.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.events.Topics;
import network.omniphi.heartbeat.infra.LivenessMonitor;
import network.omniphi.heartbeat.support.TestClock;
import network.omniphi.heartbeat.support.TestNode;
import network.omniphi.proto.events.v1.ConsensusKeyLinked;
import network.omniphi.proto.events.v1.HeartbeatEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * The local-mode flow over the gateway's real events: only the key the owner linked (ConsensusKeyLinked) can report
 * for the wallet and bind its pending setup (first_seen); an unlinked key carrying the victim's wallet is refused and
 * stores nothing; a stop releases the key; a re-link replaces it; released rows go after the retention.
 */
@QuarkusTest
class LocalSetupFlowTest {

    private static final String PATH = "/api/v1/validators/heartbeat";

    @Inject
    TestClock clock;

    @Inject
    LivenessMonitor monitor;

    @ConfigProperty(name = "omniphi.heartbeat.rate-limit.refill-every")
    Duration rateLimitRefill;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void sendSetup(String setupId, String wallet, RunMode mode) {
        SetupRequested event = SetupRequested.newBuilder()
                .setMeta(EventMetas.create(setupId, "api-gateway", Clock.systemUTC()))
                .setSetupRequestId(setupId).setWalletAddress(wallet).setValidatorName("local-node")
                .setCommissionRate("0.100000000000000000").setRunMode(mode).setProvider("local").build();
        KafkaTopicReader.send(Topics.SETUP_REQUESTED, setupId, event.toByteArray());
        KafkaTopicReader.send(Topics.SETUP_REQUESTED, setupId, event.toByteArray()); // redelivery: deduped
    }

    private static void sendLink(String setupId, String wallet, TestNode node, Instant linkedAt) {
        ConsensusKeyLinked event = ConsensusKeyLinked.newBuilder()
                .setMeta(EventMetas.create(setupId, "api-gateway", Clock.systemUTC()))
                .setSetupRequestId(setupId).setWalletAddress(wallet).setConsensusPubkey(node.pubkey)
                .setChainId("omniphi-devnet-1").setLinkedAt(EventMetas.timestamp(linkedAt)).build();
        KafkaTopicReader.send(Topics.CONSENSUS_KEY_LINKED, setupId, event.toByteArray());
        KafkaTopicReader.send(Topics.CONSENSUS_KEY_LINKED, setupId, event.toByteArray()); // redelivery: deduped
    }

    private static void sendStop(String setupId, String wallet) {
        StopRequested stop = StopRequested.newBuilder()
                .setMeta(EventMetas.create(setupId, "api-gateway", Clock.systemUTC())).setSetupRequestId(setupId)
                .setWalletAddress(wallet).setRunMode(RunMode.RUN_MODE_LOCAL).build();
        KafkaTopicReader.send(Topics.STOP_REQUESTED, setupId, stop.toByteArray());
    }

    private int post(TestNode node, long height) {
        // Each attempt is a new, newer heartbeat (never a replay) and finds a token in the key's bucket: the clock is
        // the test's, so without a full refill interval between attempts a key polled while an event is still on its
        // way runs out of its burst and stays rate-limited (429) for good, hiding the answer the test waits for.
        clock.advance(rateLimitRefill.plusMillis(5));
        return given().contentType(ContentType.JSON).body(node.signed(clock.instant(), height)).post(PATH)
                .statusCode();
    }

    private static List<java.util.Map<String, Object>> rows(String wallet) {
        return given().queryParam("walletAddress", wallet).get("/internal/v1/heartbeats").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static String setupOf(String wallet) {
        return given().queryParam("walletAddress", wallet).get("/internal/v1/heartbeats").then().statusCode(200)
                .extract().jsonPath().getString("[0].setupRequestId");
    }

    private static List<HeartbeatEvent> events(KafkaTopicReader reader, String key) {
        return reader.recordsWithKey(key).stream().map(LocalSetupFlowTest::parse).toList();
    }

    @Test
    void anUnlinkedKeyCarryingTheVictimsWalletIsRefusedAndOnlyTheLinkedKeyBindsTheSetup() {
        String victim = TestNode.randomWallet();
        TestNode attacker = new TestNode(victim); // a fresh key, signing heartbeats that name the victim's wallet
        TestNode owners = new TestNode(victim);
        String setupId = UUID.randomUUID().toString();
        sendSetup(setupId, victim, RunMode.RUN_MODE_LOCAL);
        try (KafkaTopicReader reader = new KafkaTopicReader(Topics.HEARTBEAT_EVENTS)) {
            for (int i = 0; i < 2; i++) {
                given().contentType(ContentType.JSON).body(attacker.signed(clock.instant().plusMillis(i), i))
                        .post(PATH).then().statusCode(403).contentType("application/problem+json")
                        .body("code", org.hamcrest.Matchers.equalTo("consensus-key-not-linked"));
            }
            assertThat(rows(victim)).isEmpty();

            sendLink(setupId, victim, owners, clock.instant());
            await().atMost(Duration.ofSeconds(60)).until(() -> post(owners, 7) == 202);
            await().atMost(Duration.ofSeconds(30)).until(() -> !events(reader, setupId).isEmpty());
            HeartbeatEvent event = events(reader, setupId).get(0);
            assertThat(event.getPayloadCase()).isEqualTo(HeartbeatEvent.PayloadCase.FIRST_SEEN);
            assertThat(event.getSetupRequestId()).isEqualTo(setupId);
            assertThat(event.getWalletAddress()).isEqualTo(victim);
            assertThat(event.getConsensusPubkey()).isEqualTo(owners.pubkey);
            assertThat(event.getMeta().getSubjectId()).isEqualTo(setupId);

            // the attacker is still refused; a later heartbeat does not bind again
            assertThat(post(attacker, 9)).isEqualTo(403);
            assertThat(post(owners, 8)).isEqualTo(202);
            assertThat(rows(victim)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("consensusPubkey", owners.pubkey).containsEntry("setupRequestId", setupId));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> events(reader, setupId).size() == 1);
        }
    }

    @Test
    void aStopReleasesTheKeyAndItsRowGoesAfterTheRetention() throws Throwable {
        TestNode node = new TestNode();
        String setupId = UUID.randomUUID().toString();
        sendLink(setupId, node.wallet, node, clock.instant()); // the link may overtake the setup event
        sendSetup(setupId, node.wallet, RunMode.RUN_MODE_LOCAL);
        await().atMost(Duration.ofSeconds(60)).until(() -> post(node, 1) == 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> setupId.equals(setupOf(node.wallet)));

        sendStop(setupId, node.wallet);
        await().atMost(Duration.ofSeconds(60)).until(() -> post(node, 2) == 403);
        // the row stays (history of the node) but no longer names the stopped setup; the height is whichever of the
        // node's heartbeats was accepted last before the stop was applied
        assertThat(rows(node.wallet)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("setupRequestId", null).containsEntry("consensusPubkey", node.pubkey));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        VertxContextSupport.subscribeAndAwait(() -> monitor.purgeUnlinked());
        assertThat(rows(node.wallet)).isEmpty();
    }

    @Test
    void aRelinkOfThePendingSetupReplacesTheKey() {
        String wallet = TestNode.randomWallet();
        TestNode first = new TestNode(wallet);
        TestNode second = new TestNode(wallet);
        String setupId = UUID.randomUUID().toString();
        sendSetup(setupId, wallet, RunMode.RUN_MODE_LOCAL);
        sendLink(setupId, wallet, first, clock.instant());
        sendLink(setupId, wallet, second, clock.instant().plusSeconds(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> post(second, 3) == 202);
        assertThat(post(first, 4)).isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).until(() -> setupId.equals(setupOf(wallet)));
        assertThat(rows(wallet)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("consensusPubkey", second.pubkey));
    }

    @Test
    void cloudSetupsAreIgnored() {
        TestNode node = new TestNode();
        String cloudSetup = UUID.randomUUID().toString();
        String localSetup = UUID.randomUUID().toString();
        sendSetup(cloudSetup, node.wallet, RunMode.RUN_MODE_CLOUD);
        sendSetup(localSetup, node.wallet, RunMode.RUN_MODE_LOCAL);
        sendLink(localSetup, node.wallet, node, clock.instant());
        await().atMost(Duration.ofSeconds(60)).until(() -> post(node, 1) == 202);
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
