package network.omniphi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * The local journey: the owner links the node's consensus key to the pending local setup (a proof signed by that
 * key), then the node's signed heartbeats move the setup to ready_for_chain_tx with that key; a replayed heartbeat is
 * refused; silence makes the heartbeat stale. And the attack it closes: heartbeats of an unlinked key naming a
 * victim's wallet are refused (403) and the victim's setup stays pending with no key; another wallet cannot link.
 */
class LocalJourneyIT {

    static final String CHAIN_ID = Stack.CHAIN_ID;
    static final String HEARTBEAT = "/api/v1/validators/heartbeat";

    static String createLocalSetup(String token, Wallet wallet, String name) {
        return Stack.gateway(token).body(Map.of("walletAddress", wallet.address(), "validatorName", name,
                "commissionRate", 0.07, "runMode", "local"))
                .post("/api/v1/validators/setup-requests").then().statusCode(201)
                .body("setupRequest.provider", equalTo("local")).extract().path("setupRequest.id");
    }

    static void link(String token, String setupId, NodeKey node, Wallet owner) {
        Stack.gateway(token).body(node.linkBody(CHAIN_ID, setupId, owner.address()))
                .post("/api/v1/validators/setup-requests/" + setupId + "/consensus-key").then().statusCode(200)
                .body("setupRequest.status", equalTo("pending"))
                .body("setupRequest.consensusPubkey", equalTo(node.publicKeyBase64()));
    }

    /** Sends fresh heartbeats until one is accepted (the link reaches the heartbeat service asynchronously). */
    static Map<String, Object> firstAcceptedHeartbeat(NodeKey node, Wallet owner, long height) {
        Map<String, Object>[] accepted = new Map[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Object> hb = node.heartbeat(owner.address(), height, 60);
            Response r = Stack.gateway().body(hb).post(HEARTBEAT);
            if (r.statusCode() == 202) {
                accepted[0] = hb;
                return true;
            }
            assertThat(r.jsonPath().getString("code")).isEqualTo("consensus-key-not-linked");
            return false;
        });
        return accepted[0];
    }

    @Test
    void linkedKeysHeartbeatMakesLocalSetupReadyAndSilenceMakesItStale() {
        Wallet wallet = Wallet.random();
        String token = Stack.login(wallet);
        String setupId = createLocalSetup(token, wallet, "e2e-local");

        NodeKey node = NodeKey.random();
        link(token, setupId, node, wallet);
        Map<String, Object> heartbeat = firstAcceptedHeartbeat(node, wallet, 42);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Stack.gateway(token)
                .get("/api/v1/validators/setup-requests/" + setupId).then()
                .body("setupRequest.status", equalTo("ready_for_chain_tx"))
                .body("setupRequest.consensusPubkey", equalTo(node.publicKeyBase64())));

        int replay = Stack.gateway().body(heartbeat).post(HEARTBEAT).then().extract().statusCode();
        assertThat(replay).isBetween(400, 499);

        // the agent's one-signer check: the key's last heartbeat, public
        Stack.gateway().queryParam("consensusPubkey", node.publicKeyBase64()).get(HEARTBEAT).then().statusCode(200)
                .body("consensusPubkey", equalTo(node.publicKeyBase64()))
                .body("lastHeartbeatTimestamp", equalTo(heartbeat.get("timestamp")));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> Stack.gateway(token)
                .get("/api/v1/validators/by-wallet/" + wallet.address()).then().statusCode(200)
                .body("[0].heartbeat.stale", equalTo(true)));
    }

    @Test
    void anUnlinkedKeyCannotTakeOverAVictimsSetupNorCanAnotherWalletLinkOne() {
        Wallet victim = Wallet.random();
        String victimToken = Stack.login(victim);
        String setupId = createLocalSetup(victimToken, victim, "e2e-victim");

        // the attack: no account at all, a fresh key, heartbeats naming the victim's (public) wallet address
        NodeKey attackerKey = NodeKey.random();
        for (int i = 0; i < 2; i++) {
            Stack.gateway().body(attackerKey.heartbeat(victim.address(), 100 + i, 60)).post(HEARTBEAT).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("consensus-key-not-linked"));
            sleepPastMillisecond();
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> Stack
                .gateway(victimToken).get("/api/v1/validators/setup-requests/" + setupId).then()
                .body("setupRequest.status", equalTo("pending"))
                .body("setupRequest.consensusPubkey", nullValue()));
        Stack.gateway().queryParam("consensusPubkey", attackerKey.publicKeyBase64()).get(HEARTBEAT).then()
                .statusCode(404).body("code", equalTo("heartbeat-not-found"));

        // another wallet, logged in, cannot link its key to the victim's setup
        Wallet attacker = Wallet.random();
        String attackerToken = Stack.login(attacker);
        Stack.gateway(attackerToken).body(attackerKey.linkBody(CHAIN_ID, setupId, attacker.address()))
                .post("/api/v1/validators/setup-requests/" + setupId + "/consensus-key").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        Stack.gateway(victimToken).get("/api/v1/validators/setup-requests/" + setupId).then()
                .body("setupRequest.status", equalTo("pending")).body("setupRequest.consensusPubkey", nullValue());

        // the owner's link plus one heartbeat makes it ready with the owner's key; the attacker stays refused
        NodeKey ownersKey = NodeKey.random();
        link(victimToken, setupId, ownersKey, victim);
        firstAcceptedHeartbeat(ownersKey, victim, 7);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Stack.gateway(victimToken)
                .get("/api/v1/validators/setup-requests/" + setupId).then()
                .body("setupRequest.status", equalTo("ready_for_chain_tx"))
                .body("setupRequest.consensusPubkey", equalTo(ownersKey.publicKeyBase64())));
        Stack.gateway().body(attackerKey.heartbeat(victim.address(), 200, 60)).post(HEARTBEAT).then()
                .statusCode(403).body("code", equalTo("consensus-key-not-linked"));
    }

    /** Heartbeat timestamps have millisecond resolution; two in the same millisecond would be a replay. */
    private static void sleepPastMillisecond() {
        long start = System.currentTimeMillis();
        await().pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > start + 1);
    }
}
