package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static network.omniphi.gateway.api.StatusEventsTest.PUBKEY;
import static network.omniphi.gateway.api.StatusEventsTest.awaitStatus;
import static network.omniphi.gateway.api.StatusEventsTest.chain;
import static network.omniphi.gateway.api.StatusEventsTest.createSetup;
import static network.omniphi.gateway.api.StatusEventsTest.node;
import static network.omniphi.gateway.api.StatusEventsTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import network.omniphi.codec.Bech32;
import network.omniphi.commons.events.Topics;
import network.omniphi.gateway.TestData;
import network.omniphi.gateway.testing.StubChainService;
import network.omniphi.gateway.testing.StubChainService.Answer;
import network.omniphi.gateway.testing.TestAuth;
import network.omniphi.proto.chain.v1.BuildUnjailTxRequest;
import network.omniphi.proto.chain.v1.BuildUnjailTxResponse;
import network.omniphi.proto.chain.v1.Coin;
import network.omniphi.proto.chain.v1.JailBudget;
import network.omniphi.proto.chain.v1.SignDoc;
import network.omniphi.proto.chain.v1.SignMode;
import network.omniphi.proto.events.v1.Endpoints;
import network.omniphi.proto.events.v1.NodeHealthChanged;
import network.omniphi.proto.events.v1.NodeProvisioned;
import network.omniphi.proto.events.v1.NodeStatus;
import network.omniphi.proto.events.v1.TxFailed;
import network.omniphi.proto.events.v1.TxSubmitted;
import network.omniphi.proto.events.v1.ValidatorBonded;
import network.omniphi.proto.events.v1.ValidatorJailed;
import network.omniphi.proto.events.v1.ValidatorUnjailed;

/**
 * {@code POST /api/v1/validators/setup-requests/{id}/unjail-tx} (DESIGN.md, issue 15 item 11) through the real gRPC
 * client adapter against a chain service stub: 400/401/403/404 and the gateway's own 409s (no validator yet, node not
 * running) never reach the chain service; the chain service's refusals (not jailed, still jailed before
 * {@code jailed_until}, tombstoned, node behind the chain) arrive as 409 problem+json with their codes; a jailed
 * validator with a running node gets the sign docs. A failed unjail tx leaves the setup inactive with a reason the
 * owner can act on, cleared once the validator is active again.
 */
@QuarkusTest
@TestProfile(UnjailTxResourceTest.StubChain.class)
class UnjailTxResourceTest {

    public static class StubChain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // in test launch mode the gRPC client takes test-port (else the application's own test port)
            String port = String.valueOf(StubChainService.port());
            return Map.of("quarkus.grpc.clients.chain-service.host", "127.0.0.1",
                    "quarkus.grpc.clients.chain-service.port", port,
                    "quarkus.grpc.clients.chain-service.test-port", port);
        }
    }

    private static final String BASE = "/api/v1/validators/setup-requests/";
    private static final String NODE_RPC = "http://vn-unjail.validators.svc:26657";

    @Test
    void requestsTheGatewayCanJudgeNeverReachTheChainService() {
        String wallet = TestData.wallet();
        String ready = createSetup(wallet);
        send(Topics.NODE_EVENTS, ready, node(ready, Instant.now()).setProvisioned(NodeProvisioned.newBuilder()
                .setConsensusPubkey(PUBKEY).setEndpoints(Endpoints.newBuilder().setRpc(NODE_RPC))).build());
        awaitStatus(ready, "ready_for_chain_tx");

        // 401 without a token, 403 for another wallet, 404 for an unknown id
        given().contentType(ContentType.JSON).body("{}").post(BASE + ready + "/unjail-tx").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("token-missing"));
        problem(TestAuth.as(TestData.wallet()).contentType(ContentType.JSON).body("{}")
                .post(BASE + ready + "/unjail-tx").then(), 403, "forbidden");
        problem(unjail(wallet, UUID.randomUUID().toString(), "{}"), 404, "setup-not-found");
        // 400: the id, the sign mode, an unknown field
        problem(unjail(wallet, "not-a-uuid", "{}"), 400, "invalid-request").body("errors[0].field", equalTo("id"));
        problem(unjail(wallet, ready, "{\"signMode\":\"textual\"}"), 400, "invalid-request")
                .body("errors[0].field", equalTo("signMode"));
        problem(unjail(wallet, ready, "{\"signMode\":\"direct\",\"fee\":\"0\"}"), 400, "unknown-field");
        // 409: no validator yet (ready_for_chain_tx)
        problem(unjail(wallet, ready, "{}"), 409, "setup-has-no-validator");

        // 409: jailed, but its node is not running
        String jailed = jailedSetup(TestData.wallet());
        Instant later = Instant.now().plusSeconds(30);
        send(Topics.NODE_EVENTS, jailed, node(jailed, later).setHealthChanged(NodeHealthChanged.newBuilder()
                .setStatus(NodeStatus.NODE_STATUS_UNHEALTHY).setBlockHeight(40)).build());
        String owner = StatusEventsTest.OWNERS.get(jailed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAuth.as(owner).get(BASE + jailed).then()
                .body("node.status", equalTo("unhealthy")));
        problem(unjail(owner, jailed, "{}"), 409, "node-not-healthy")
                .body("detail", org.hamcrest.Matchers.containsString("unhealthy"));

        assertThat(StubChainService.requestsFor(ready)).isEmpty();
        assertThat(StubChainService.requestsFor(jailed)).isEmpty();
    }

    @Test
    void theChainServicesRefusalsArriveAsConflictsWithTheirCodes() {
        String id = jailedSetup(TestData.wallet());
        String owner = StatusEventsTest.OWNERS.get(id);
        Map<String, String> refusals = Map.of(
                "VALIDATOR_NOT_JAILED", "validator-not-jailed",
                "STILL_JAILED", "still-jailed",
                "VALIDATOR_TOMBSTONED", "validator-tombstoned",
                "NODE_NOT_SYNCED", "node-not-synced");
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            String detail = "scripted refusal " + r.getKey().toLowerCase(java.util.Locale.ROOT);
            // chain-service GrpcErrors: ErrorKind.CONFLICT (not a duplicate) -> ABORTED
            StubChainService.UNJAIL_ANSWERS.put(id, Answer.refused(Status.Code.ABORTED, r.getKey(), detail));
            problem(unjail(owner, id, "{\"signMode\":\"amino\"}"), 409, r.getValue())
                    .body("detail", equalTo(detail));
        }
        BuildUnjailTxRequest sent = StubChainService.requestsFor(id).get(0);
        assertThat(sent.getWalletAddress()).isEqualTo(owner);
        assertThat(sent.getNodeRpcEndpoint()).isEqualTo(NODE_RPC);
        assertThat(sent.getSignMode()).isEqualTo(SignMode.SIGN_MODE_AMINO);
        assertThat(sent.getSignerPubkey().toByteArray()).isEqualTo(TestData.key(owner).publicKey());
        // the status of the setup is not touched by a refused build
        awaitStatus(id, "inactive");
    }

    @Test
    void aJailedValidatorWithARunningNodeGetsTheSignDocs() {
        String id = jailedSetup(TestData.wallet());
        String owner = StatusEventsTest.OWNERS.get(id);
        String valoper = Bech32.convert(owner, "omnivaloper");
        StubChainService.UNJAIL_ANSWERS.put(id, Answer.ok(BuildUnjailTxResponse.newBuilder()
                .setSignDoc(SignDoc.newBuilder().setBodyBytes(ByteString.copyFromUtf8("body"))
                        .setAuthInfoBytes(ByteString.copyFromUtf8("auth")).setChainId("omniphi-devnet-1")
                        .setAccountNumber(7))
                .setGasEstimate(91_000).setFee(Coin.newBuilder().setDenom("omniphi").setAmount("2275"))
                .setOperatorAddress(valoper).setSequence(3).setSignMode(SignMode.SIGN_MODE_DIRECT)
                .setJailBudget(JailBudget.newBuilder().setSignedBlocksWindow(100).setMaxMissedBlocks(50)
                        .setMissedBlocks(0).setMissesLeft(50).setJailedUntil("2026-12-03T10:00:00Z"))
                .build()));

        unjail(owner, id, "{}").statusCode(200)
                .body("signDoc.bodyBytes", equalTo(Base64.getEncoder().encodeToString("body".getBytes())))
                .body("signDoc.authInfoBytes", equalTo(Base64.getEncoder().encodeToString("auth".getBytes())))
                .body("signDoc.chainId", equalTo("omniphi-devnet-1"))
                .body("signDoc.accountNumber", equalTo("7"))
                .body("aminoSignDoc", nullValue())
                .body("gasEstimate", equalTo(91_000))
                .body("fee.amount[0].amount", equalTo("2275"))
                .body("fee.gas", equalTo("91000"))
                .body("operatorAddress", equalTo(valoper))
                .body("preflight.jailBudget.maxMissedBlocks", equalTo(50))
                .body("preflight.jailBudget.jailedUntil", equalTo("2026-12-03T10:00:00Z"));
        assertThat(StubChainService.requestsFor(id)).hasSize(1);
        assertThat(StubChainService.requestsFor(id).get(0).getSignMode()).isEqualTo(SignMode.SIGN_MODE_DIRECT);
    }

    @Test
    void aFailedUnjailTxLeavesTheSetupInactiveWithAReasonUntilTheValidatorIsActiveAgain() {
        String id = jailedSetup(TestData.wallet());
        String owner = StatusEventsTest.OWNERS.get(id);
        String valoper = Bech32.convert(owner, "omnivaloper");
        Instant t = Instant.now().plusSeconds(60);
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t).setTxSubmitted(TxSubmitted.newBuilder()
                .setTxHash("UNJAIL1")).build());
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t.plusSeconds(1)).setTxFailed(TxFailed.newBuilder()
                .setTxHash("UNJAIL1").setCode(4).setCodespace("slashing").setErrorCode("STILL_JAILED")
                .setRawLog("validator still jailed; cannot be unjailed")).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAuth.as(owner).get(BASE + id).then()
                .body("setupRequest.status", equalTo("inactive"))
                .body("setupRequest.failureReason", equalTo("Unjail transaction UNJAIL1 failed: STILL_JAILED"
                        + " (slashing 4): validator still jailed; cannot be unjailed. The validator is still jailed;"
                        + " build and sign a new unjail transaction once the cause is fixed.")));

        // a later unjail succeeds: unjailed and bonded again, the reason no longer stands
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t.plusSeconds(2)).setUnjailed(ValidatorUnjailed
                .getDefaultInstance()).build());
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t.plusSeconds(3)).setBonded(ValidatorBonded.newBuilder()
                .setVotingPower(1000)).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAuth.as(owner).get(BASE + id).then()
                .body("setupRequest.status", equalTo("active"))
                .body("setupRequest.failureReason", nullValue()));
    }

    /** A setup whose validator was created, bonded and jailed, with its node running. */
    private static String jailedSetup(String wallet) {
        String id = createSetup(wallet);
        Instant t0 = Instant.now();
        send(Topics.NODE_EVENTS, id, node(id, t0).setProvisioned(NodeProvisioned.newBuilder()
                .setConsensusPubkey(PUBKEY).setBlockHeight(10).setEndpoints(Endpoints.newBuilder().setRpc(NODE_RPC)))
                .build());
        awaitStatus(id, "ready_for_chain_tx");
        String valoper = Bech32.convert(wallet, "omnivaloper");
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t0.plusSeconds(1)).setTxSubmitted(TxSubmitted.newBuilder()
                .setTxHash("CREATE1")).build());
        awaitStatus(id, "tx_submitted");
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t0.plusSeconds(2)).setBonded(ValidatorBonded.newBuilder()
                .setVotingPower(1000)).build());
        awaitStatus(id, "active");
        send(Topics.CHAIN_EVENTS, id, chain(id, valoper, t0.plusSeconds(3)).setJailed(ValidatorJailed.newBuilder()
                .setHeight(99)).build());
        awaitStatus(id, "inactive");
        return id;
    }

    private static ValidatableResponse unjail(String wallet, String id, String body) {
        return TestAuth.as(wallet).contentType(ContentType.JSON).body(body).post(BASE + id + "/unjail-tx").then();
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status, String code) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("code", equalTo(code));
    }
}
