package network.omniphi.gateway.api;

import static network.omniphi.gateway.api.StatusEventsTest.OWNERS;
import static network.omniphi.gateway.api.StatusEventsTest.awaitStatus;
import static network.omniphi.gateway.api.StatusEventsTest.chain;
import static network.omniphi.gateway.api.StatusEventsTest.createSetup;
import static network.omniphi.gateway.api.StatusEventsTest.node;
import static network.omniphi.gateway.api.StatusEventsTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.InvalidProtocolBufferException;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import network.omniphi.commons.events.Topics;
import network.omniphi.gateway.TestData;
import network.omniphi.gateway.domain.ChainInfo;
import network.omniphi.gateway.domain.OverdueSweep;
import network.omniphi.gateway.testing.FakeChainGateway;
import network.omniphi.gateway.testing.TestAuth;
import network.omniphi.proto.events.v1.NodeFailed;
import network.omniphi.proto.events.v1.NodeProvisioned;
import network.omniphi.proto.events.v1.NodeProvisioning;
import network.omniphi.proto.events.v1.NodeStopped;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.proto.events.v1.TxSubmitted;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * No setup stays in a transitional status forever (issue 14 item 1, ADR 0007), with real PostgreSQL and Kafka and
 * short deadlines (2 s, re-drives 2 s apart, 2 re-drives): each overdue status is re-driven (the setup request or the
 * stop re-sent on its topic, the validator re-queried through chain-service) and failed with a reason only when the
 * re-drives change nothing; an answer to a re-drive settles the setup; the wallet can create a new setup afterwards;
 * sweeps running at the same time (several replicas) never re-drive a setup twice.
 */
@QuarkusTest
@TestProfile(OverdueSweepTest.ShortDeadlines.class)
class OverdueSweepTest {

    public static class ShortDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omniphi.gateway.overdue.interval", "250ms", "omniphi.gateway.overdue.pending", "PT2S",
                    "omniphi.gateway.overdue.provisioning", "PT2S", "omniphi.gateway.overdue.tx-submitted", "PT2S",
                    "omniphi.gateway.overdue.stopping", "PT2S", "omniphi.gateway.overdue.redrive-interval", "PT2S",
                    "omniphi.gateway.overdue.redrives", "2");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FakeChainGateway.class);
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String BASE = "/api/v1/validators";
    private static KafkaTopicReader setups;
    private static KafkaTopicReader stops;

    @Inject
    OverdueSweep sweep;

    @BeforeAll
    static void open() {
        setups = new KafkaTopicReader(Topics.SETUP_REQUESTED);
        stops = new KafkaTopicReader(Topics.STOP_REQUESTED);
    }

    @AfterAll
    static void close() {
        setups.close();
        stops.close();
    }

    @Test
    void aPendingSetupNobodyTakesUpIsReSentThenFailedAndItsWalletCanCreateAgain() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> overdueGauge("pending") >= 1);

        awaitStatus(id, "failed");
        // the reader polls the topic when asked: wait for it to catch up with what the relay published
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(setupRedrives(id))
                .as("the original request, then one per re-drive").containsExactly(0, 1, 2));
        assertThat(failureReason(id)).startsWith("The provisioner did not take up the setup within")
                .contains("re-sent 2 times");
        await().atMost(PATIENCE).until(() -> stopRedrives(id).equals(List.of(0)));
        TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                .post(BASE + "/setup-requests").then().statusCode(201);
    }

    @Test
    void aReSentRequestTheProvisionerAnswersSettlesTheSetup() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        await().atMost(PATIENCE).until(() -> setupRedrives(id).contains(1));
        // the provisioner answers the re-sent request with the node's state
        send(Topics.NODE_EVENTS, id, node(id, Instant.now()).setProvisioned(NodeProvisioned.newBuilder()
                .setConsensusPubkey(StatusEventsTest.PUBKEY)).build());
        awaitStatus(id, "ready_for_chain_tx");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> "ready_for_chain_tx".equals(status(id)));
        assertThat(failureReason(id)).isNull();
    }

    @Test
    void aProvisioningSetupWhoseNodeNeverComesIsFailedAndItsNodeStopped() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        send(Topics.NODE_EVENTS, id, node(id, Instant.now()).setProvisioning(NodeProvisioning.getDefaultInstance())
                .build());
        awaitStatus(id, "provisioning");
        awaitStatus(id, "failed");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(setupRedrives(id)).containsExactly(0, 1, 2));
        assertThat(failureReason(id)).startsWith("The node was not provisioned within");
        await().atMost(PATIENCE).until(() -> stopRedrives(id).equals(List.of(0)));
    }

    @Test
    void aStopNobodyConfirmsIsReSentThenFailedAndTheWalletCanCreateAgain() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        stop(wallet, id);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> overdueGauge("stopping") >= 1);
        awaitStatus(id, "failed");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stopRedrives(id)).containsExactly(0, 1, 2));
        assertThat(failureReason(id)).startsWith("The provisioner did not confirm the stop within");
        TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                .post(BASE + "/setup-requests").then().statusCode(201);
    }

    @Test
    void aStopRightAfterCreateThatTheProvisionerConfirmsEndsStoppedAndTheWalletCanCreateAgain() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        stop(wallet, id);
        await().atMost(PATIENCE).until(() -> stopRedrives(id).contains(1));
        send(Topics.NODE_EVENTS, id, node(id, Instant.now()).setStopped(NodeStopped.getDefaultInstance()).build());
        awaitStatus(id, "stopped");
        TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                .post(BASE + "/setup-requests").then().statusCode(201);
    }

    @Test
    void aNodeThatFailsWhileItsSetupStopsStillEndsStopped() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        stop(wallet, id);
        Instant t0 = Instant.now();
        send(Topics.NODE_EVENTS, id, node(id, t0).setFailed(NodeFailed.newBuilder().setReason("crash loop")).build());
        await().atMost(PATIENCE).until(() -> "crash loop".equals(failureReason(id)));
        assertThat(status(id)).as("a stopping setup waits for the stop").isEqualTo("stopping");
        send(Topics.NODE_EVENTS, id, node(id, t0.plusMillis(1)).setStopped(NodeStopped.getDefaultInstance()).build());
        awaitStatus(id, "stopped");
    }

    @Test
    void aSubmittedTxWithoutOutcomeIsReQueriedThenReturnedToReadyForChainTx() {
        String wallet = TestData.wallet();
        String id = submitted(wallet);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> overdueGauge("tx_submitted") >= 1);
        awaitStatus(id, "ready_for_chain_tx");
        assertThat(FakeChainGateway.QUERIES.get(wallet)).hasValue(2);
        assertThat(failureReason(id)).startsWith("Transaction AB12 was not confirmed within")
                .contains("re-queried 2 times");
    }

    @Test
    void aSubmittedTxWhoseValidatorIsOnChainMakesTheSetupActive() {
        String wallet = TestData.wallet();
        String id = submitted(wallet);
        String valoper = network.omniphi.codec.Bech32.convert(wallet, "omnivaloper");
        FakeChainGateway.VALIDATORS.put(wallet, new ChainInfo(valoper, true, 1000, false, null, null));
        awaitStatus(id, "active");
        TestAuth.as(wallet).get(BASE + "/by-wallet/" + wallet).then()
                .body("[0].chainInfo.isActiveValidator", equalTo(true))
                .body("[0].chainInfo.votingPower", equalTo(1000));
    }

    @Test
    void sweepsRunningAtTheSameTimeNeverReDriveASetupTwice() throws Exception {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        await().atMost(PATIENCE).until(() -> setupRedrives(id).contains(1));
        AtomicInteger rounds = new AtomicInteger();
        while (!"failed".equals(status(id))) {
            List<CompletableFuture<Void>> replicas = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replicas.add(CompletableFuture.runAsync(() -> {
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> sweep.sweep());
                        rounds.incrementAndGet();
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get();
        }
        assertThat(rounds.get()).isGreaterThanOrEqualTo(4);
        await().atMost(PATIENCE).until(() -> stopRedrives(id).equals(List.of(0)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(setupRedrives(id))
                .as("each re-drive once, whatever the number of sweeps").containsExactly(0, 1, 2));
    }

    /** A cloud setup with its node provisioned and a create-validator tx broadcast (status tx_submitted). */
    private static String submitted(String wallet) {
        String id = createSetup(wallet);
        Instant t0 = Instant.now();
        send(Topics.NODE_EVENTS, id, node(id, t0).setProvisioned(NodeProvisioned.newBuilder()
                .setConsensusPubkey(StatusEventsTest.PUBKEY)).build());
        awaitStatus(id, "ready_for_chain_tx");
        String valoper = network.omniphi.codec.Bech32.convert(wallet, "omnivaloper");
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t0.plusSeconds(1))
                .setTxSubmitted(TxSubmitted.newBuilder().setTxHash("AB12")).build());
        awaitStatus(id, "tx_submitted");
        return id;
    }

    private static void stop(String wallet, String id) {
        TestAuth.as(wallet).contentType(ContentType.JSON).body(Map.of("setupRequestId", id)).post(BASE + "/stop")
                .then().statusCode(202).body("setupRequest.status", equalTo("stopping"));
    }

    private static String status(String id) {
        return TestAuth.as(OWNERS.get(id)).get(BASE + "/setup-requests/" + id).then().statusCode(200).extract()
                .path("setupRequest.status");
    }

    private static String failureReason(String id) {
        return TestAuth.as(OWNERS.get(id)).get(BASE + "/setup-requests/" + id).then().statusCode(200).extract()
                .path("setupRequest.failureReason");
    }

    /** The {@code redrive} numbers of the setup requests published for the setup, in order (once per event id). */
    private static List<Integer> setupRedrives(String id) {
        Map<String, Integer> byEvent = new java.util.LinkedHashMap<>();
        setups.recordsWithKey(id).forEach(r -> {
            SetupRequested e = parse(() -> SetupRequested.parseFrom(r.value()));
            byEvent.putIfAbsent(e.getMeta().getEventId(), e.getRedrive());
        });
        return List.copyOf(byEvent.values());
    }

    private static List<Integer> stopRedrives(String id) {
        Map<String, Integer> byEvent = new java.util.LinkedHashMap<>();
        stops.recordsWithKey(id).forEach(r -> {
            StopRequested e = parse(() -> StopRequested.parseFrom(r.value()));
            byEvent.putIfAbsent(e.getMeta().getEventId(), e.getRedrive());
        });
        return List.copyOf(byEvent.values());
    }

    private interface Parse<T> {
        T get() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.get();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern GAUGE = Pattern.compile(
            "^omniphi_gateway_setups_overdue\\{status=\"([a-z_]+)\"[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE);

    private static double overdueGauge(String status) {
        Matcher m = GAUGE.matcher(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
        while (m.find()) {
            if (m.group(1).equals(status)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }
}
