package network.omniphi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The local journey: the desktop app's node signs heartbeats with its consensus key; the first one moves the setup to
 * ready_for_chain_tx with that key; a replayed heartbeat is refused; silence makes the heartbeat stale.
 */
class LocalJourneyIT {

    @Test
    void signedHeartbeatMakesLocalSetupReadyAndSilenceMakesItStale() {
        Wallet wallet = Wallet.random();
        String token = Stack.login(wallet);
        String setupId = Stack.gateway(token).body(Map.of("walletAddress", wallet.address(), "validatorName",
                "e2e-local", "commissionRate", 0.07, "runMode", "local"))
                .post("/api/v1/validators/setup-requests").then().statusCode(201)
                .body("setupRequest.provider", equalTo("local")).extract().path("setupRequest.id");

        NodeKey node = NodeKey.random();
        Map<String, Object> heartbeat = node.heartbeat(wallet.address(), 42, 60);
        Stack.gateway().body(heartbeat).post("/api/v1/validators/heartbeat").then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Stack.gateway(token)
                .get("/api/v1/validators/setup-requests/" + setupId).then()
                .body("setupRequest.status", equalTo("ready_for_chain_tx"))
                .body("setupRequest.consensusPubkey", equalTo(node.publicKeyBase64())));

        int replay = Stack.gateway().body(heartbeat).post("/api/v1/validators/heartbeat").then().extract()
                .statusCode();
        assertThat(replay).isBetween(400, 499);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> Stack.gateway(token)
                .get("/api/v1/validators/by-wallet/" + wallet.address()).then().statusCode(200)
                .body("[0].heartbeat.stale", equalTo(true)));
    }
}
