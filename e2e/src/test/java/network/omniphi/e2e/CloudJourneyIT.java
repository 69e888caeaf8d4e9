package network.omniphi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/**
 * The cloud journey as the portal and a Keplr-like wallet drive it, over the public HTTPS API only: login → setup →
 * node provisioned (ready_for_chain_tx) → unsigned tx → wallet signs (direct, and amino as a Ledger user would) →
 * broadcast → active with voting power → jailed in devnet shows → stop.
 */
class CloudJourneyIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void directSignedValidatorBecomesActiveThenJailedThenStopped() {
        Journey j = Journey.start("direct");
        j.becomeActive();
        Stack.jail(j.wallet.operatorAddress());
        await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(j.token)
                .get("/api/v1/validators/by-wallet/" + j.wallet.address()).then().statusCode(200)
                .body("[0].chainInfo.jailed", equalTo(true))
                .body("[0].setupRequest.status", equalTo("inactive")));
        j.stop();
    }

    @Test
    void aminoSignedValidatorBecomesActive() {
        Journey j = Journey.start("amino");
        j.becomeActive();
        j.stop();
    }

    /** One wallet's way through the product. */
    static final class Journey {
        final Wallet wallet = Wallet.random();
        final String mode;
        String token;
        String setupId;

        private Journey(String mode) {
            this.mode = mode;
        }

        static Journey start(String mode) {
            Journey j = new Journey(mode);
            Stack.faucet(j.wallet.address(), "5000000000");
            j.token = Stack.login(j.wallet);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("walletAddress", j.wallet.address());
            body.put("validatorName", "e2e " + mode + " & <node>");
            body.put("website", "https://validators.example.org");
            body.put("description", "End-to-end " + mode + " journey");
            body.put("commissionRate", "0.10");
            body.put("runMode", "cloud");
            j.setupId = Stack.gateway(j.token).body(body).post("/api/v1/validators/setup-requests").then()
                    .statusCode(201).body("setupRequest.status", equalTo("pending")).extract().path("setupRequest.id");
            await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(j.token)
                    .get("/api/v1/validators/setup-requests/" + j.setupId).then().statusCode(200)
                    .body("setupRequest.status", equalTo("ready_for_chain_tx")));
            return j;
        }

        void becomeActive() {
            JsonPath setup = Stack.gateway(token).get("/api/v1/validators/setup-requests/" + setupId).then()
                    .extract().jsonPath();
            assertThat(setup.getString("setupRequest.consensusPubkey")).hasSize(44);
            assertThat(setup.getString("node.status")).isIn("running", "syncing");

            Map<String, Object> txRequest = Map.of("selfDelegation", Map.of("denom", "omniphi", "amount",
                    "2000000000"), "maxRate", "0.20", "maxChangeRate", "0.01", "minSelfDelegation", "1", "signMode",
                    mode);
            JsonNode unsigned = Stack.JSON.valueToTree(Stack.gateway(token).body(txRequest)
                    .post("/api/v1/validators/setup-requests/" + setupId + "/create-validator-tx").then()
                    .statusCode(200)
                    .extract().as(Map.class));
            assertThat(unsigned.at("/signDoc/chainId").asText()).isEqualTo("omniphi-devnet-1");
            assertThat(unsigned.at("/preflight/balanceSufficient").asBoolean()).isTrue();
            assertThat(unsigned.at("/preflight/activeSet/entersActiveSet").asBoolean()).isTrue();
            assertThat(unsigned.get("aminoSignDoc").isObject()).isEqualTo(mode.equals("amino"));

            Map<String, Object> signInput = new LinkedHashMap<>();
            signInput.put("privateKeyHex", wallet.privateKeyHex());
            signInput.put("mode", mode);
            signInput.put("signDoc", unsigned.get("signDoc"));
            signInput.put("aminoSignDoc", unsigned.get("aminoSignDoc"));
            String txBytes = Stack.node("tools/cosmjs/wallet-sign.mjs", signInput).get("txBytes").asText();

            Stack.gateway(token).body(Map.of("txBytes", txBytes))
                    .post("/api/v1/validators/setup-requests/" + setupId + "/broadcast").then().statusCode(200)
                    .body("code", equalTo(0))
                    .body("txHash", org.hamcrest.Matchers.matchesPattern("[0-9A-F]{64}"));

            await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(token)
                    .get("/api/v1/validators/by-wallet/" + wallet.address()).then().statusCode(200)
                    .body("[0].setupRequest.status", equalTo("active"))
                    .body("[0].setupRequest.operatorAddress", equalTo(wallet.operatorAddress()))
                    .body("[0].chainInfo.isActiveValidator", equalTo(true))
                    .body("[0].chainInfo.votingPower", equalTo(2000))
                    .body("[0].chainInfo.jailed", equalTo(false)));
        }

        void stop() {
            Stack.gateway(token).body(Map.of("setupRequestId", setupId)).post("/api/v1/validators/stop").then()
                    .statusCode(202).body("setupRequest.status", equalTo("stopping"));
            await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(token)
                    .get("/api/v1/validators/setup-requests/" + setupId).then()
                    .body("setupRequest.status", equalTo("stopped"))
                    .body("node.status", equalTo("stopped")));
        }
    }
}
