package network.omniphi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Downtime jail and one-click unjail on the local stack (issue 15 items 10 and 11, acceptance): a cloud validator made
 * active by a CosmJS wallet → its node process frozen (SIGSTOP: it stops voting, but the provisioner sees a live
 * process and does not restart it) → {@code chainInfo.jailBudget} shows misses growing and the budget shrinking → the
 * devnet's x/slashing liveness window jails it ({@code inactive}, {@code jailed: true}) → the node resumes (SIGCONT)
 * and is {@code running} again → once {@code jailedUntil} has passed, {@code POST .../unjail-tx} builds MsgUnjail, the
 * CosmJS wallet signs it, the gateway broadcasts it → {@code active} with {@code jailed: false}.
 * <p>
 * Slashing parameters as {@code ./dev test} starts the stack (e2e profile): 0.5 s blocks, window 100, min signed 0.5
 * (jailed after more than 50 missed blocks, and not before the validator has been tracked for a whole window),
 * downtime jail 20 s. Needs {@code kill} (procps) for the signals and the node's pid file in
 * {@code <repo>/.run/nodes/vn-<setup id>/node.pid}, where the provisioner's local runtime keeps it.
 * <p>
 * Run: {@code ./dev test} (all journeys), or alone on a stack started with the e2e profile:
 * {@code OMNIPHI_STACK_PROFILE=e2e ./dev up && ./mvnw -pl e2e verify -DskipITs=false -Dit.test=UnjailJourneyIT}.
 * It takes about three minutes (a whole liveness window must pass before the devnet jails).
 */
class UnjailJourneyIT {

    static final Duration PATIENCE = Duration.ofMinutes(4);
    static final Path NODES = Path.of(System.getProperty("e2e.nodes-dir", Stack.REPO.resolve(".run/nodes")
            .toString()));
    /** Refusals that only mean "not yet": the jail period, or the resumed node catching up (a busy chain service too). */
    static final Set<String> NOT_YET = Set.of("still-jailed", "node-not-synced", "node-not-healthy");

    private Long frozenPid;

    @AfterEach
    void resumeNode() {
        if (frozenPid != null) {
            signal("CONT", frozenPid);
        }
    }

    @Test
    void aValidatorJailedForDowntimeIsUnjailedWithOneWalletSignature() {
        CloudJourneyIT.Journey j = CloudJourneyIT.Journey.start("direct");
        j.becomeActive();
        String byWallet = "/api/v1/validators/by-wallet/" + j.wallet.address();
        await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(j.token).get(byWallet).then().statusCode(200)
                .body("[0].chainInfo.jailBudget.signedBlocksWindow", equalTo(100))
                .body("[0].chainInfo.jailBudget.maxMissedBlocks", equalTo(50))
                .body("[0].chainInfo.jailBudget.tombstoned", equalTo(false)));

        // the node stops signing: misses grow and the budget shrinks, visible in chainInfo
        frozenPid = nodePid(j.setupId);
        signal("STOP", frozenPid);
        AtomicLong firstLeft = new AtomicLong(-1);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath p = Stack.gateway(j.token).get(byWallet).then().statusCode(200).extract().jsonPath();
            if (p.getBoolean("[0].chainInfo.jailed") || p.get("[0].chainInfo.jailBudget") == null) {
                return false;
            }
            long missed = p.getLong("[0].chainInfo.jailBudget.missedBlocks");
            long left = p.getLong("[0].chainInfo.jailBudget.missesLeftBlocks");
            assertThat(missed + left).isEqualTo(50);
            if (missed < 2) {
                return false;
            }
            if (firstLeft.get() < 0) {
                firstLeft.set(left);
                return false;
            }
            return left < firstLeft.get() && p.getInt("[0].chainInfo.jailBudget.usedPercent") > 0;
        });

        // over budget: jailed by the liveness rule, the setup inactive
        AtomicReference<Instant> jailedUntil = new AtomicReference<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath p = Stack.gateway(j.token).get(byWallet).then().statusCode(200)
                    .body("[0].chainInfo.jailed", equalTo(true))
                    .body("[0].setupRequest.status", equalTo("inactive"))
                    .extract().jsonPath();
            jailedUntil.set(Instant.parse(p.getString("[0].chainInfo.jailBudget.jailedUntil")));
        });
        assertThat(jailedUntil.get()).isAfter(Instant.now().minusSeconds(60));

        // the node resumes and is healthy again
        signal("CONT", frozenPid);
        frozenPid = null;
        await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(j.token)
                .get("/api/v1/validators/setup-requests/" + j.setupId).then().statusCode(200)
                .body("node.status", equalTo("running")));

        // one click: MsgUnjail built once the jail period is over and the node in sync, signed by the CosmJS wallet
        AtomicReference<JsonNode> unsigned = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Response r = Stack.gateway(j.token).body(Map.of("signMode", "direct"))
                    .post("/api/v1/validators/setup-requests/" + j.setupId + "/unjail-tx");
            boolean busy = r.statusCode() == 502 || r.statusCode() == 503 || r.statusCode() == 504;
            if (busy || r.statusCode() == 409 && NOT_YET.contains(r.jsonPath().getString("code"))) {
                return false;
            }
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            unsigned.set(Stack.JSON.readTree(r.asByteArray()));
            return true;
        });
        assertThat(Instant.now()).isAfter(jailedUntil.get());
        assertThat(unsigned.get().at("/signDoc/chainId").asText()).isEqualTo("omniphi-devnet-1");
        assertThat(unsigned.get().at("/operatorAddress").asText()).isEqualTo(j.wallet.operatorAddress());

        Map<String, Object> signInput = new LinkedHashMap<>();
        signInput.put("privateKeyHex", j.wallet.privateKeyHex());
        signInput.put("mode", "direct");
        signInput.put("signDoc", unsigned.get().get("signDoc"));
        signInput.put("aminoSignDoc", unsigned.get().get("aminoSignDoc"));
        String txBytes = Stack.node("tools/cosmjs/wallet-sign.mjs", signInput).get("txBytes").asText();
        String hash = Stack.gateway(j.token).body(Map.of("txBytes", txBytes))
                .post("/api/v1/validators/setup-requests/" + j.setupId + "/broadcast").then().statusCode(200)
                .body("code", equalTo(0)).extract().path("txHash");
        // idempotent: the same signed tx again answers the same hash
        Stack.gateway(j.token).body(Map.of("txBytes", txBytes))
                .post("/api/v1/validators/setup-requests/" + j.setupId + "/broadcast").then().statusCode(200)
                .body("txHash", equalTo(hash));

        await().atMost(PATIENCE).untilAsserted(() -> Stack.gateway(j.token).get(byWallet).then().statusCode(200)
                .body("[0].setupRequest.status", equalTo("active"))
                .body("[0].setupRequest.failureReason", org.hamcrest.Matchers.nullValue())
                .body("[0].chainInfo.jailed", equalTo(false))
                .body("[0].chainInfo.isActiveValidator", equalTo(true))
                // x/slashing may have slashed the downtime fraction; the validator is back in the set with power
                .body("[0].chainInfo.votingPower", org.hamcrest.Matchers.greaterThan(0)));
        j.stop();
    }

    /** The pid the provisioner's local runtime wrote for the setup's node ({@code vn-<setup id>}). */
    private static long nodePid(String setupId) {
        Path pidFile = NODES.resolve("vn-" + setupId).resolve("node.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
            assertThat(ProcessHandle.of(pid)).as("node process %d of %s", pid, pidFile).isPresent();
            return pid;
        } catch (IOException e) {
            throw new IllegalStateException("no pid file for the node of setup " + setupId + " at " + pidFile, e);
        }
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
