package network.omniphi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.omniphi.agent.run.AgentRuntime;
import network.omniphi.devnode.Json;

/**
 * {@code run} as a user runs it, all real processes: the agent, the dev node it supervises, a fake chain and a fake
 * gateway that checks every heartbeat's signature with the JDK's Ed25519. Link proof, not-linked refusals, accepted
 * heartbeats, a gateway outage (nothing stale queued), kill -9 of the node (restarted, heartbeats resume), stop (no
 * key left anywhere in the home).
 */
class AgentRunTest {

    static final String WALLET = "omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd";
    static final String SETUP = "0b5a1f9e-3c2d-4e8f-9a7b-6c5d4e3f2a1b";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private FakeChain chain;
    private FakeGateway gateway;
    private RunningAgent agent;

    @BeforeEach
    void fakes() throws Exception {
        chain = new FakeChain();
        gateway = new FakeGateway(0);
    }

    @AfterEach
    void stopAll() {
        if (agent != null) {
            agent.close();
        }
        gateway.close();
        chain.close();
    }

    @Test
    void runsTheNodeLinksHeartbeatsSurvivesOutagesAndCrashesAndLeavesNoKeyBehind() throws Exception {
        Path home = dir.resolve("home");
        assertThat(AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString()).exitCode())
                .isZero();
        byte[] seed = KeyMaterial.seedOf(home);
        byte[] pub = KeyMaterial.publicKeyOf(home);
        String pubB64 = Base64.getEncoder().encodeToString(pub);
        agent = RunningAgent.start(home, gateway.url(), chain.url(), dir.resolve("agent.out"));

        // the node runs with the agent's key, which exists in the clear only in run/ while the node runs
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            Object s = agent.status();
            assertThat(Json.string(s, "consensusPubkey")).isEqualTo(pubB64);
            assertThat(Json.at(s, "nodeHeight")).isEqualTo(FakeChain.HEIGHT);
            assertThat(Json.at(s, "catchingUp")).isEqualTo(false);
            assertThat(Json.at(s, "restarts")).isEqualTo(0L);
            assertThat(Json.at(s, "localRpcPort")).isEqualTo((long) agent.rpcPort);
        });
        Path nodeKey = home.resolve("run/priv_validator_key.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodeKey))).isEqualTo("rw-------");
        assertThat(KeyMaterial.filesHoldingSecret(home, seed, pub)).containsExactly(nodeKey);
        assertThat(Json.string(Json.parse(nodeStatus()), "result", "validator_info", "pub_key", "value"))
                .isEqualTo(pubB64);
        await().atMost(PATIENCE).until(() -> agent.log().contains("link this node in the portal"));
        assertThat(gateway.heartbeats).as("no wallet known yet: nothing sent").isEmpty();

        // the bridge's link proof verifies with the JDK over the design's canonical JSON
        var proof = agent.post("/link-proof", "{\"setupRequestId\":\"" + SETUP + "\",\"walletAddress\":\"" + WALLET
                + "\",\"chainId\":\"omniphi-devnet-1\"}");
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
        Object proofDoc = Json.parse(proof.body());
        assertThat(Json.string(proofDoc, "consensusPubkey")).isEqualTo(pubB64);
        String canonical = "{\"chainId\":\"omniphi-devnet-1\",\"purpose\":\"omniphi/link-consensus-key/v1\","
                + "\"setupRequestId\":\"" + SETUP + "\",\"walletAddress\":\"" + WALLET + "\"}";
        assertThat(FakeGateway.verify(pub, canonical.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(Json.string(proofDoc, "signature")))).isTrue();

        // until the owner submits the proof the gateway refuses: the agent says so and keeps trying
        await().atMost(PATIENCE).until(() -> gateway.heartbeats.size() >= 2);
        await().atMost(PATIENCE).until(() -> agent.log().contains("consensus-key-not-linked"));
        assertThat(Json.at(agent.status(), "lastHeartbeatAcknowledgedAt")).isNull();
        assertThat(Json.string(agent.status(), "lastHeartbeatSentAt")).isNotNull();

        gateway.mode = FakeGateway.Mode.ACCEPT;
        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> Json.string(agent.status(), "lastHeartbeatAcknowledgedAt") != null);
        FakeGateway.Received hb = gateway.heartbeats.get(gateway.heartbeats.size() - 1);
        assertThat(hb.signatureValid()).isTrue();
        assertThat(hb.wallet()).isEqualTo(WALLET);
        assertThat(hb.pubkey()).isEqualTo(pubB64);
        assertThat(hb.height()).isEqualTo(FakeChain.HEIGHT);
        assertThat(hb.rpcPort()).isEqualTo(agent.rpcPort);
        assertThat(gateway.heartbeats).allMatch(FakeGateway.Received::signatureValid);

        // the gateway goes away: the node keeps running; when it is back, only fresh heartbeats arrive
        int port = gateway.port();
        gateway.close();
        await().atMost(PATIENCE).until(() -> agent.log().contains("is unreachable"));
        assertThat(Json.at(agent.status(), "nodeRunning")).isEqualTo(true);
        gateway = new FakeGateway(port);
        gateway.mode = FakeGateway.Mode.ACCEPT;
        await().atMost(PATIENCE).until(() -> gateway.heartbeats.size() >= 3);
        assertThat(gateway.heartbeats).allSatisfy(h -> {
            assertThat(h.signatureValid()).isTrue();
            assertThat(Duration.between(h.timestamp(), h.receivedAt()).abs()).isLessThan(Duration.ofSeconds(3));
        });

        // kill -9 the node: the agent restarts it (same key) and heartbeats resume
        long pid = (Long) Json.at(agent.status(), "nodePid");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Instant killed = Instant.now();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            Object s = agent.status();
            assertThat(Json.at(s, "restarts")).isEqualTo(1L);
            assertThat(Json.at(s, "nodeRunning")).isEqualTo(true);
            assertThat(Json.at(s, "nodePid")).isNotEqualTo(pid);
            assertThat(Json.at(s, "nodeHeight")).isEqualTo(FakeChain.HEIGHT);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(gateway.since(killed))
                .anySatisfy(h -> assertThat(h.uptime()).isLessThan(30)));
        assertThat(agent.log()).contains("node exited unexpectedly");

        // stop: node and agent exit, the node's key file is gone, nothing in the home holds the key in the clear
        var stop = agent.post("/stop", "{}");
        assertThat(stop.statusCode()).isEqualTo(202);
        assertThat(agent.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.process.exitValue()).isZero();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(home.resolve("node").toString())).orElse(false)).toList()).isEmpty();
        assertThat(nodeKey).doesNotExist();
        assertThat(KeyMaterial.filesHoldingSecret(home, seed, pub)).isEmpty();
        assertThat(KeyMaterial.filesHoldingSecret(dir, seed, pub)).isEmpty();
        List<String> logs = List.of(agent.log(), AgentCli.read(home.resolve("logs/agent.log.0")),
                AgentCli.read(home.resolve("logs/node.log")));
        assertThat(String.join("\n", logs)).contains("agent stopped").doesNotContain(AgentCli.PASSPHRASE);
    }

    @Test
    void aKilledAgentsOrphanNodeAndStaleKeyFileAreCleanedUpAtTheNextStart() throws Exception {
        Path home = dir.resolve("home");
        assertThat(AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString()).exitCode())
                .isZero();
        agent = RunningAgent.start(home, gateway.url(), chain.url(), dir.resolve("first.out"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> Json.at(agent.status(), "nodePid") != null);
        long orphan = (Long) Json.at(agent.status(), "nodePid");

        agent.process.destroyForcibly();
        assertThat(agent.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path nodeKey = home.resolve("run/priv_validator_key.json");
        assertThat(ProcessHandle.of(orphan)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(nodeKey).as("left behind by the killed agent").exists();

        agent = RunningAgent.start(home, gateway.url(), chain.url(), dir.resolve("second.out"));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            Object s = agent.status();
            assertThat(Json.at(s, "nodeRunning")).isEqualTo(true);
            assertThat(Json.at(s, "nodePid")).isNotEqualTo(orphan);
        });
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(agent.log()).contains("still running from an earlier agent (pid " + orphan + ")");
        assertThat(agent.post("/stop", "{}").statusCode()).isEqualTo(202);
        assertThat(agent.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(nodeKey).doesNotExist();
        KeyMaterial.assertNoPlaintextKey(home);
    }

    private String nodeStatus() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + agent.rpcPort + "/status")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aLinkProofIsFollowedByQuickHeartbeatsUntilTheGatewayAcceptsOne() throws Exception {
        Path home = dir.resolve("home");
        assertThat(AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString()).exitCode())
                .isZero();
        // an interval no test outlives: every heartbeat seen here is one of the retries after the link proof
        agent = RunningAgent.start(home, gateway.url(), chain.url(), dir.resolve("agent.out"),
                "--heartbeat-interval", "30m");
        await().atMost(PATIENCE).until(() -> agent.log().contains("link this node in the portal"));
        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> FakeChain.HEIGHT == ((Number) Json.at(agent.status(), "nodeHeight")).longValue());

        var proof = agent.post("/link-proof", "{\"setupRequestId\":\"" + SETUP + "\",\"walletAddress\":\"" + WALLET
                + "\",\"chainId\":\"omniphi-devnet-1\"}");
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
        // the owner has not submitted the proof yet: refused, and tried again without waiting for the interval
        await().atMost(PATIENCE).until(() -> gateway.heartbeats.size() >= 1);
        gateway.mode = FakeGateway.Mode.ACCEPT;

        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> Json.string(agent.status(), "lastHeartbeatAcknowledgedAt") != null);
        assertThat(gateway.heartbeats).allMatch(FakeGateway.Received::signatureValid)
                .extracting(FakeGateway.Received::wallet).containsOnly(WALLET);
        assertThat(gateway.heartbeats.size()).isBetween(2, AgentRuntime.linkRetryCount());
        // strictly newer timestamps: the retries never overlap a tick
        for (int i = 1; i < gateway.heartbeats.size(); i++) {
            assertThat(gateway.heartbeats.get(i).timestamp()).isAfter(gateway.heartbeats.get(i - 1).timestamp());
        }
    }
}
