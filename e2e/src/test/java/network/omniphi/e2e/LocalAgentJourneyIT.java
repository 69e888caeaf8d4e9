package network.omniphi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The local journey with the real local agent (the distribution the build made): init → run (the dev node joined
 * to the stack's devnet, with the agent's key) → the bridge's link proof submitted with the owner's token → the
 * agent's heartbeats make the setup ready_for_chain_tx with the agent's key → a CosmJS wallet signs MsgCreateValidator
 * → active. Then kill -9 of the node: the agent restarts it and heartbeats resume.
 */
class LocalAgentJourneyIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String PASSPHRASE = "e2e local agent passphrase";

    @TempDir
    Path dir;
    private Process agent;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopAgent() {
        if (agent != null && agent.isAlive()) {
            agent.descendants().forEach(ProcessHandle::destroyForcibly);
            agent.destroyForcibly();
        }
    }

    @Test
    void agentRunsTheNodeLinksItsKeyAndTheWalletMakesItActive() throws Exception {
        Path home = dir.resolve("agent-home");
        Process init = agentCommand("init", "--home", home.toString(), "--moniker", "e2e-agent");
        assertThat(init.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(init.exitValue()).isZero();
        int bridge = freePort();
        agent = agentCommand("run", "--home", home.toString(), "--bridge-port", Integer.toString(bridge),
                "--node-rpc-port", Integer.toString(freePort()), "--node-p2p-port", Integer.toString(freePort()),
                "--heartbeat-interval", "2s");
        JsonNode status = await().atMost(PATIENCE).ignoreExceptions().until(() -> bridge(bridge, "GET", "/status",
                null), s -> s.get("nodeHeight").asLong() > 0);
        String pubkey = status.get("consensusPubkey").asText();

        Wallet wallet = Wallet.random();
        Stack.faucet(wallet.address(), "5000000000");
        String token = Stack.login(wallet);
        String setupId = Stack.gateway(token).body(Map.of("walletAddress", wallet.address(), "validatorName",
                "e2e-agent", "commissionRate", "0.10", "runMode", "local")).post("/api/v1/validators/setup-requests")
                .then().statusCode(201).extract().path("setupRequest.id");

        JsonNode proof = bridge(bridge, "POST", "/link-proof", Stack.JSON.writeValueAsString(Map.of(
                "setupRequestId", setupId, "walletAddress", wallet.address(), "chainId", "omniphi-devnet-1")));
        assertThat(proof.get("consensusPubkey").asText()).isEqualTo(pubkey);
        Stack.gateway(token).body(proof.toString())
                .post("/api/v1/validators/setup-requests/" + setupId + "/consensus-key").then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(token)
                .get("/api/v1/validators/setup-requests/" + setupId).then()
                .body("setupRequest.status", equalTo("ready_for_chain_tx"))
                .body("setupRequest.consensusPubkey", equalTo(pubkey)));
        assertThat(bridge(bridge, "GET", "/status", null).get("lastHeartbeatAcknowledgedAt").isNull()).isFalse();

        becomeActive(wallet, token, setupId);

        long pid = bridge(bridge, "GET", "/status", null).get("nodePid").asLong();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Instant killed = Instant.now();
        long heightAtKill = bridge(bridge, "GET", "/status", null).get("nodeHeight").asLong();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode s = bridge(bridge, "GET", "/status", null);
            assertThat(s.get("restarts").asInt()).isEqualTo(1);
            assertThat(s.get("nodePid").asLong()).isNotEqualTo(pid);
            assertThat(s.get("nodeHeight").asLong()).isGreaterThan(heightAtKill);
            assertThat(Instant.parse(s.get("lastHeartbeatAcknowledgedAt").asText())).isAfter(killed);
        });

        bridge(bridge, "POST", "/stop", "{}");
        assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).isZero();
        assertThat(home.resolve("run/priv_validator_key.json")).doesNotExist();
    }

    private void becomeActive(Wallet wallet, String token, String setupId) {
        Map<String, Object> txRequest = Map.of("selfDelegation", Map.of("denom", "omniphi", "amount", "2000000000"),
                "maxRate", "0.20", "maxChangeRate", "0.01", "minSelfDelegation", "1", "signMode", "direct");
        JsonNode unsigned = Stack.JSON.valueToTree(Stack.gateway(token).body(txRequest)
                .post("/api/v1/validators/setup-requests/" + setupId + "/create-validator-tx").then().statusCode(200)
                .extract().as(Map.class));
        Map<String, Object> signInput = new LinkedHashMap<>();
        signInput.put("privateKeyHex", wallet.privateKeyHex());
        signInput.put("mode", "direct");
        signInput.put("signDoc", unsigned.get("signDoc"));
        signInput.put("aminoSignDoc", unsigned.get("aminoSignDoc"));
        String txBytes = Stack.node("tools/cosmjs/wallet-sign.mjs", signInput).get("txBytes").asText();
        Stack.gateway(token).body(Map.of("txBytes", txBytes))
                .post("/api/v1/validators/setup-requests/" + setupId + "/broadcast").then().statusCode(200)
                .body("code", equalTo(0));
        await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(token)
                .get("/api/v1/validators/by-wallet/" + wallet.address()).then().statusCode(200)
                .body("[0].setupRequest.status", equalTo("active"))
                .body("[0].chainInfo.isActiveValidator", equalTo(true)));
    }

    private Process agentCommand(String... args) throws IOException {
        Path launcher = Stack.REPO.resolve("local-agent/target/omniphi-agent/omniphi-agent/bin/omniphi-agent");
        assertThat(launcher).as("built by ./mvnw install (local-agent)").exists();
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.out").toFile()));
        b.environment().put("OMNIPHI_AGENT_PASSPHRASE", PASSPHRASE);
        b.environment().put("OMNIPHI_RUN_DIR", Stack.REPO.resolve(".run").toString());
        b.environment().put("OMNIPHI_GATEWAY_URL", Stack.GATEWAY);
        return b.start();
    }

    private JsonNode bridge(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body()
                    + "\nagent output:\n" + Files.readString(dir.resolve("agent.out")));
        }
        return Stack.JSON.readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
