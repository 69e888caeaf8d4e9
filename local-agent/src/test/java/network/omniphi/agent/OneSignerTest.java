package network.omniphi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.omniphi.agent.domain.ExitCode;
import network.omniphi.agent.infra.AgentHome;
import network.omniphi.agent.infra.AgentState;

/** The one-signer check before the node starts, against a fake gateway's {@code GET /heartbeat?consensusPubkey=}. */
class OneSignerTest {

    @TempDir
    Path dir;
    private FakeChain chain;
    private FakeGateway gateway;
    private Path home;
    private String pub;

    @BeforeEach
    void setUp() throws Exception {
        chain = new FakeChain();
        gateway = new FakeGateway(0);
        home = dir.resolve("home");
        assertThat(AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString()).exitCode())
                .isZero();
        pub = Base64.getEncoder().encodeToString(KeyMaterial.publicKeyOf(home));
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        chain.close();
    }

    @Test
    void refusesToStartWhileAnotherMachineHeartbeatsWithTheKey() throws Exception {
        Instant otherMachine = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        gateway.lastHeard = () -> lastHeard(otherMachine, Instant.now().minusSeconds(1));
        try (RunningAgent agent = RunningAgent.start(home, gateway.url(), chain.url(), dir.resolve("a.out"))) {
            assertThat(agent.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.process.exitValue()).isEqualTo(ExitCode.ANOTHER_SIGNER.code());
            assertThat(agent.log()).contains("another machine is running this key")
                    .contains("Stop the agent there first");
        }
        assertThat(home.resolve("logs/node.log")).doesNotExist();
        assertThat(home.resolve("run/priv_validator_key.json")).doesNotExist();
    }

    @Test
    void refusesWhenItCannotAskTheGateway() throws Exception {
        String closed = "http://127.0.0.1:" + AgentCli.freePort();
        try (RunningAgent agent = RunningAgent.start(home, closed, chain.url(), dir.resolve("b.out"))) {
            assertThat(agent.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.process.exitValue()).isEqualTo(ExitCode.SIGNER_CHECK_FAILED.code());
            assertThat(agent.log()).contains("cannot ask the gateway");
        }
        assertThat(home.resolve("logs/node.log")).doesNotExist();
    }

    @Test
    void startsWhenTheLastHeartbeatWasItsOwnOrOld() throws Exception {
        Instant mine = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        AgentHome agentHome = new AgentHome(home);
        AgentState.load(agentHome).withSent(mine).save(agentHome);
        gateway.lastHeard = () -> lastHeard(mine, Instant.now());
        startThenStop("c.out", "from this home");

        gateway.lastHeard = () -> lastHeard(Instant.now().minusSeconds(120), Instant.now().minusSeconds(119));
        startThenStop("d.out", "last heard this key at");
    }

    private void startThenStop(String out, String expectedLog) throws Exception {
        try (RunningAgent agent = RunningAgent.start(home, gateway.url(), chain.url(), dir.resolve(out))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> agent.get("/health").statusCode() == 200);
            assertThat(agent.log()).contains("one-signer check passed").contains(expectedLog);
            assertThat(agent.post("/stop", "{}").statusCode()).isEqualTo(202);
            assertThat(agent.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.process.exitValue()).isZero();
        }
    }

    private String lastHeard(Instant timestamp, Instant receivedAt) {
        return "{\"consensusPubkey\":\"" + pub + "\",\"lastHeartbeatTimestamp\":\"" + timestamp
                + "\",\"lastReceivedAt\":\"" + receivedAt + "\"}";
    }
}
