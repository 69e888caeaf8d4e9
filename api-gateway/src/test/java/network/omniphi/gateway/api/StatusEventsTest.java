package network.omniphi.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.events.Topics;
import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.TestAuth;
import network.omniphi.gateway.testing.TestConsensusKey;
import network.omniphi.proto.events.v1.ChainEvent;
import network.omniphi.proto.events.v1.Endpoints;
import network.omniphi.proto.events.v1.HeartbeatEvent;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.NodeFirstSeen;
import network.omniphi.proto.events.v1.NodeHealthChanged;
import network.omniphi.proto.events.v1.NodeHeightStalled;
import network.omniphi.proto.events.v1.NodeProvisioned;
import network.omniphi.proto.events.v1.NodeProvisioning;
import network.omniphi.proto.events.v1.NodeRecovered;
import network.omniphi.proto.events.v1.NodeStale;
import network.omniphi.proto.events.v1.NodeStatus;
import network.omniphi.proto.events.v1.TxSubmitted;
import network.omniphi.proto.events.v1.ValidatorBonded;
import network.omniphi.proto.events.v1.ValidatorJailed;
import network.omniphi.testsupport.KafkaTopicReader;

/** Events on Kafka move the status read model; duplicates and late events change nothing wrong. */
@QuarkusTest
class StatusEventsTest {

    /** Seed of the local node key of the heartbeat tests; {@link #PUBKEY} is its public key. */
    static final String SEED = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    static final String PUBKEY = TestConsensusKey.of(java.util.Base64.getDecoder().decode(SEED)).pubkeyBase64();

    @Test
    void provisionedEventMakesTheSetupReadyWithKeyAndEndpoints() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        Instant t0 = Instant.now();
        send(Topics.NODE_EVENTS, id, node(id, t0).setProvisioning(NodeProvisioning.getDefaultInstance()).build());
        awaitStatus(id, "provisioning");

        NodeEvent provisioned = node(id, t0.plusSeconds(1)).setProvisioned(NodeProvisioned.newBuilder()
                .setConsensusPubkey(PUBKEY).setBlockHeight(120).setEndpoints(Endpoints.newBuilder()
                        .setRpc("http://vn-1.validators.svc:26657").setP2P("tcp://203.0.113.7:26656")
                        .setGrpc("vn-1.validators.svc:9090").setLogsUrl("https://logs.example/vn-1")))
                .build();
        send(Topics.NODE_EVENTS, id, provisioned);
        awaitStatus(id, "ready_for_chain_tx");

        JsonPath one = TestAuth.as(wallet).get("/api/v1/validators/setup-requests/" + id).then().statusCode(200)
                .extract()
                .jsonPath();
        assertThat(one.getString("setupRequest.consensusPubkey")).isEqualTo(PUBKEY);
        assertThat(one.getString("node.status")).isEqualTo("running");
        assertThat(one.getString("node.rpcEndpoint")).isEqualTo("http://vn-1.validators.svc:26657");
        assertThat(one.getString("node.p2pEndpoint")).isEqualTo("tcp://203.0.113.7:26656");
        assertThat(one.getString("node.grpcEndpoint")).isEqualTo("vn-1.validators.svc:9090");
        assertThat(one.getString("node.logsUrl")).isEqualTo("https://logs.example/vn-1");
        assertThat(one.getLong("node.lastBlockHeight")).isEqualTo(120L);
        assertThat(one.getString("node.provider")).isEqualTo("omniphi_cloud");

        TestAuth.as(wallet).get("/api/v1/validators/by-wallet/" + wallet).then().statusCode(200)
                .body("[0].setupRequest.status", equalTo("ready_for_chain_tx"))
                .body("[0].setupRequest.consensusPubkey", equalTo(PUBKEY))
                .body("[0].node.rpcEndpoint", equalTo("http://vn-1.validators.svc:26657"));
    }

    @Test
    void aBareP2pAddressOfAnOlderProvisionerIsShownAsTcpUrl() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        send(Topics.NODE_EVENTS, id, node(id, Instant.now()).setProvisioned(NodeProvisioned.newBuilder()
                .setConsensusPubkey(PUBKEY).setBlockHeight(5).setEndpoints(Endpoints.newBuilder()
                        .setRpc("http://127.0.0.1:27026").setP2P("127.0.0.1:27025").setGrpc("127.0.0.1:27027")))
                .build());
        awaitStatus(id, "ready_for_chain_tx");

        TestAuth.as(wallet).get("/api/v1/validators/setup-requests/" + id).then().statusCode(200)
                .body("node.p2pEndpoint", equalTo("tcp://127.0.0.1:27025"));
    }

    @Test
    void duplicateAndLateEventsChangeNothingWrong() {
        String id = createSetup(TestData.wallet());
        Instant t0 = Instant.now();
        NodeEvent provisioned = node(id, t0).setProvisioned(NodeProvisioned.newBuilder().setConsensusPubkey(PUBKEY)
                .setBlockHeight(10).setEndpoints(Endpoints.newBuilder().setRpc("http://a:26657"))).build();
        send(Topics.NODE_EVENTS, id, provisioned);
        awaitStatus(id, "ready_for_chain_tx");

        NodeEvent healthy = node(id, t0.plusSeconds(10)).setHealthChanged(NodeHealthChanged.newBuilder()
                .setStatus(NodeStatus.NODE_STATUS_RUNNING).setBlockHeight(50)).build();
        send(Topics.NODE_EVENTS, id, healthy);
        await().atMost(Duration.ofSeconds(30)).until(() -> lastHeight(id) == 50L);

        // the same provisioned event again (same eventId), a late provisioning and a late unhealthy event
        send(Topics.NODE_EVENTS, id, provisioned);
        send(Topics.NODE_EVENTS, id, node(id, t0.minusSeconds(5)).setProvisioning(NodeProvisioning
                .getDefaultInstance()).build());
        send(Topics.NODE_EVENTS, id, node(id, t0.plusSeconds(5)).setHealthChanged(NodeHealthChanged.newBuilder()
                .setStatus(NodeStatus.NODE_STATUS_UNHEALTHY).setBlockHeight(20)).build());
        // a marker event after them: once it is applied, the ones before it were processed too
        send(Topics.NODE_EVENTS, id, node(id, t0.plusSeconds(20)).setHealthChanged(NodeHealthChanged.newBuilder()
                .setStatus(NodeStatus.NODE_STATUS_RUNNING).setBlockHeight(60)).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> lastHeight(id) == 60L);

        JsonPath one = TestAuth.as(OWNERS.get(id)).get("/api/v1/validators/setup-requests/" + id).then().extract()
                .jsonPath();
        assertThat(one.getString("setupRequest.status")).isEqualTo("ready_for_chain_tx");
        assertThat(one.getString("node.status")).isEqualTo("running");
        assertThat(one.getString("node.rpcEndpoint")).isEqualTo("http://a:26657");
    }

    @Test
    void chainEventsDriveSubmittedActiveAndJailed() {
        String wallet = TestData.wallet();
        String id = createSetup(wallet);
        Instant t0 = Instant.now();
        send(Topics.NODE_EVENTS, id, node(id, t0).setProvisioned(NodeProvisioned.newBuilder()
                .setConsensusPubkey(PUBKEY)).build());
        awaitStatus(id, "ready_for_chain_tx");
        String valoper = network.omniphi.codec.Bech32.convert(wallet, "omnivaloper");
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t0.plusSeconds(1))
                .setTxSubmitted(TxSubmitted.newBuilder().setTxHash("AB12")).build());
        awaitStatus(id, "tx_submitted");
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t0.plusSeconds(2))
                .setBonded(ValidatorBonded.newBuilder().setVotingPower(1000)).build());
        awaitStatus(id, "active");
        TestAuth.as(wallet).get("/api/v1/validators/by-wallet/" + wallet).then()
                .body("[0].chainInfo.isActiveValidator", equalTo(true))
                .body("[0].chainInfo.votingPower", equalTo(1000))
                .body("[0].setupRequest.operatorAddress", equalTo(valoper));
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t0.plusSeconds(3))
                .setJailed(ValidatorJailed.newBuilder().setHeight(99)).build());
        awaitStatus(id, "inactive");
        TestAuth.as(wallet).get("/api/v1/validators/by-wallet/" + wallet).then()
                .body("[0].chainInfo.jailed", equalTo(true))
                .body("[0].chainInfo.isActiveValidator", equalTo(false));
    }

    @Test
    void heartbeatStallStaleAndRecoveryMoveTheLocalNodeHealth() {
        String wallet = TestData.wallet();
        String id = createLocalSetup(wallet);
        ConsensusKeyLinkResourceTest.link(wallet, id, TestConsensusKey.of(java.util.Base64.getDecoder()
                .decode(SEED)).linkBody(id, wallet)).statusCode(200);
        Instant t0 = Instant.now();
        send(Topics.HEARTBEAT_EVENTS, id, heartbeat(id, wallet, t0).setFirstSeen(NodeFirstSeen.newBuilder()
                .setBlockHeight(40).setLocalRpcPort(26657).setLocalP2PPort(26656)).build());
        awaitStatus(id, "ready_for_chain_tx");
        awaitNode(id, "running", 40L);

        send(Topics.HEARTBEAT_EVENTS, id, heartbeat(id, wallet, t0.plusSeconds(1)).setHeightStalled(
                NodeHeightStalled.newBuilder().setBlockHeight(41).setChainHeight(500)).build());
        awaitNode(id, "unhealthy", 41L);

        send(Topics.HEARTBEAT_EVENTS, id, heartbeat(id, wallet, t0.plusSeconds(2)).setRecovered(
                NodeRecovered.newBuilder().setBlockHeight(499)).build());
        awaitNode(id, "running", 499L);

        send(Topics.HEARTBEAT_EVENTS, id, heartbeat(id, wallet, t0.plusSeconds(3)).setStale(
                NodeStale.newBuilder().setLastSeen(EventMetas.timestamp(t0.plusSeconds(2)))).build());
        awaitNode(id, "unhealthy", 499L);
        // the setup itself stays ready: node health never moves the setup's status
        awaitStatus(id, "ready_for_chain_tx");
    }

    @Test
    void aFirstHeartbeatOfAKeyThatIsNotTheLinkedOneLeavesTheLocalSetupPending() {
        String wallet = TestData.wallet();
        String unlinked = createLocalSetup(wallet);
        Instant t0 = Instant.now();
        // no key linked at all
        send(Topics.HEARTBEAT_EVENTS, unlinked, heartbeat(unlinked, wallet, t0).setFirstSeen(NodeFirstSeen.newBuilder()
                .setBlockHeight(40).setLocalRpcPort(26657).setLocalP2PPort(26656)).build());
        TestAuth.as(wallet).contentType(ContentType.JSON).body(java.util.Map.of("setupRequestId", unlinked))
                .post("/api/v1/validators/stop").then().statusCode(202);
        // another key linked
        String id = createLocalSetup(wallet);
        TestConsensusKey linked = TestConsensusKey.random();
        ConsensusKeyLinkResourceTest.link(wallet, id, linked.linkBody(id, wallet)).statusCode(200);
        send(Topics.HEARTBEAT_EVENTS, id, heartbeat(id, wallet, t0).setFirstSeen(NodeFirstSeen.newBuilder()
                .setBlockHeight(40).setLocalRpcPort(26657).setLocalP2PPort(26656)).build());
        // then the linked key: only this one moves the setup, so the earlier events were applied (and ignored) first
        send(Topics.HEARTBEAT_EVENTS, id, heartbeat(id, wallet, t0.plusSeconds(1)).setConsensusPubkey(
                linked.pubkeyBase64()).setFirstSeen(
                        NodeFirstSeen.newBuilder().setBlockHeight(41)
                                .setLocalRpcPort(26657).setLocalP2PPort(26656))
                .build());
        awaitStatus(id, "ready_for_chain_tx");
        TestAuth.as(wallet).get("/api/v1/validators/setup-requests/" + id).then()
                .body("setupRequest.consensusPubkey", equalTo(linked.pubkeyBase64()))
                .body("node.lastBlockHeight", equalTo(41));
        TestAuth.as(wallet).get("/api/v1/validators/setup-requests/" + unlinked).then()
                .body("setupRequest.status", equalTo("stopped"))
                .body("setupRequest.consensusPubkey", org.hamcrest.Matchers.nullValue())
                .body("node", org.hamcrest.Matchers.nullValue());
    }

    /** Setup id → owning wallet, so helpers that only know the id can authenticate. */
    static final java.util.Map<String, String> OWNERS = new java.util.concurrent.ConcurrentHashMap<>();

    static String createSetup(String wallet) {
        String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(TestData.setupBody(wallet))
                .post("/api/v1/validators/setup-requests").then().statusCode(201).extract().path("setupRequest.id");
        OWNERS.put(id, wallet);
        return id;
    }

    static String createLocalSetup(String wallet) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(TestData.setupBody(wallet));
        body.put("runMode", "local");
        body.remove("provider");
        String id = TestAuth.as(wallet).contentType(ContentType.JSON).body(body)
                .post("/api/v1/validators/setup-requests").then().statusCode(201).extract().path("setupRequest.id");
        OWNERS.put(id, wallet);
        return id;
    }

    static HeartbeatEvent.Builder heartbeat(String id, String wallet, Instant at) {
        return HeartbeatEvent.newBuilder().setMeta(EventMetas.create(UUID.randomUUID(), id, "test-heartbeat", at))
                .setSetupRequestId(id).setWalletAddress(wallet).setConsensusPubkey(PUBKEY);
    }

    static void awaitNode(String id, String status, Long height) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAuth.as(OWNERS.get(id))
                .get("/api/v1/validators/setup-requests/" + id).then().body("node.status", equalTo(status))
                .body("node.lastBlockHeight", equalTo(height.intValue())));
    }

    static NodeEvent.Builder node(String id, Instant at) {
        return NodeEvent.newBuilder().setMeta(EventMetas.create(UUID.randomUUID(), id, "test-provisioner", at))
                .setSetupRequestId(id).setNodeId("vn-" + id.substring(0, 8)).setProvider("omniphi_cloud");
    }

    static ChainEvent.Builder chain(String id, String valoper, Instant at) {
        return ChainEvent.newBuilder().setMeta(EventMetas.create(UUID.randomUUID(), id, "test-chain", at))
                .setSetupRequestId(id).setOperatorAddress(valoper);
    }

    static void send(String topic, String key, com.google.protobuf.Message message) {
        KafkaTopicReader.send(topic, key, message.toByteArray());
    }

    static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAuth.as(OWNERS.get(id))
                .get("/api/v1/validators/setup-requests/" + id).then().body("setupRequest.status", equalTo(status)));
    }

    static Long lastHeight(String id) {
        Object h = TestAuth.as(OWNERS.get(id)).get("/api/v1/validators/setup-requests/" + id).then().extract()
                .path("node.lastBlockHeight");
        return h == null ? null : ((Number) h).longValue();
    }

}
