package network.omniphi.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.local.PgLocalProcesses;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * The local stack's journey with a real node process: a cloud SetupRequested on the real Kafka becomes a process
 * whose key exists only in its own home; its pubkey (read from /status) is announced in the provisioned event; a
 * duplicate and a retried request change nothing; stop ends the process and keeps home and key.
 */
@QuarkusTest
@TestProfile(LocalRuntimeFlowTest.LocalRuntime.class)
@QuarkusTestResource(FakeChain.class)
class LocalRuntimeFlowTest {

    public static class LocalRuntime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(KafkaAssignment.config());
            config.put("omniphi.provisioning.runtime", "local");
            config.put("omniphi.provisioning.local.poll-millis", "100");
            return config;
        }
    }

    private static final Duration EVENT_PATIENCE = Duration.ofSeconds(30);
    private static NodeEventLog events;
    private final ObjectMapper json = new ObjectMapper();

    @jakarta.inject.Inject
    PgLocalProcesses processes;

    @BeforeAll
    static void reader() {
        events = new NodeEventLog();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void cloudSetupBecomesARunningNodeWithItsOwnKeyAndStopKeepsHomeAndKey() throws Exception {
        KafkaAssignment.awaitConsuming(
                io.quarkus.arc.Arc.container().instance(io.vertx.mutiny.sqlclient.Pool.class).get());
        String setupId = UUID.randomUUID().toString();
        String nodeName = NodeNames.nodeName(setupId);
        SetupRequested request = setup(setupId, UUID.randomUUID());
        Instant sent = Instant.now();
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, request.toByteArray());

        NodeEvent provisioned = events.awaitFirst(setupId, NodeEvent.PayloadCase.PROVISIONED, EVENT_PATIENCE);
        Duration took = Duration.between(sent, Instant.now());

        Path home = Path.of("target/test-nodes", nodeName).toAbsolutePath();
        JsonNode keyFile = json.readTree(Files.readString(home.resolve("config/priv_validator_key.json")));
        assertThat(provisioned.getProvisioned().getConsensusPubkey())
                .isEqualTo(keyFile.path("pub_key").path("value").asText()).hasSize(44);
        assertThat(provisioned.getNodeId()).isEqualTo(nodeName);
        assertThat(provisioned.getProvisioned().getEndpoints().getRpc()).startsWith("http://127.0.0.1:276");
        assertThat(provisioned.getProvisioned().getEndpoints().getP2P()).matches("tcp://127\\.0\\.0\\.1:27\\d{3}");
        assertThat(provisioned.getProvisioned().getBlockHeight()).isGreaterThan(1000);
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(events.published(setupId)).extracting(NodeEvent::getPayloadCase)
                .startsWith(NodeEvent.PayloadCase.PROVISIONING);

        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, request.toByteArray());
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId, setup(setupId, UUID.randomUUID()).toByteArray());
        RestAssured.get("/api/v1/nodes/{id}", setupId).then().statusCode(200);
        long pid = processes.find(nodeName).orElseThrow().pid();
        assertThat(ProcessHandle.of(pid)).isPresent();
        // ./dev down ends exactly the processes named by these pid files
        assertThat(Files.readString(home.resolve("node.pid")).strip()).isEqualTo(Long.toString(pid));

        StopRequested stop = StopRequested.newBuilder().setMeta(EventMetas.create(UUID.randomUUID(), setupId, "test",
                Instant.now())).setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_CLOUD).build();
        KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, stop.toByteArray());
        events.awaitFirst(setupId, NodeEvent.PayloadCase.STOPPED, EVENT_PATIENCE);

        await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        assertThat(home.resolve("node.pid")).doesNotExist();
        assertThat(json.readTree(Files.readString(home.resolve("config/priv_validator_key.json"))))
                .isEqualTo(keyFile);
        assertThat(events.published(setupId)).extracting(NodeEvent::getPayloadCase).containsExactly(
                NodeEvent.PayloadCase.PROVISIONING, NodeEvent.PayloadCase.PROVISIONED,
                NodeEvent.PayloadCase.STOPPING, NodeEvent.PayloadCase.STOPPED);
        String log = Files.readString(home.resolve("node.log"));
        assertThat(log).doesNotContain(keyFile.path("priv_key").path("value").asText());
    }

    @Test
    void unknownNodeAnswersProblemJson() {
        RestAssured.get("/api/v1/nodes/{id}", "missing-node").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("node-not-found"));
        RestAssured.get("/api/v1/nodes/{id}", "bad id!").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** A cloud SetupRequested of this test suite (also sent by LocalStartingRecheckTest). */
    static SetupRequested setup(String setupId, UUID eventId) {
        return SetupRequested.newBuilder().setMeta(EventMetas.create(eventId, setupId, "test", Instant.now()))
                .setSetupRequestId(setupId).setWalletAddress("omni1test").setValidatorName("alice")
                .setCommissionRate("0.100000000000000000").setRunMode(RunMode.RUN_MODE_CLOUD)
                .setProvider("omniphi_cloud").setChainId("omniphi-devnet-1").build();
    }
}
