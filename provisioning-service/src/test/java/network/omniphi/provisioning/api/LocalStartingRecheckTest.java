package network.omniphi.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.provisioning.FakeChain;
import network.omniphi.provisioning.KafkaAssignment;
import network.omniphi.provisioning.NodeEventLog;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * The local runtime sees a starting node become ready in the passes that follow its start at
 * {@code local.starting-recheck}, not at the next reconcile tick: with the tick an hour away, only those passes can
 * announce the node (its key read from the running process) at all.
 */
@QuarkusTest
@TestProfile(LocalStartingRecheckTest.HourlyTick.class)
@QuarkusTestResource(FakeChain.class)
class LocalStartingRecheckTest {

    public static class HourlyTick implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(KafkaAssignment.config());
            config.put("omniphi.provisioning.runtime", "local");
            config.put("omniphi.provisioning.local.poll-millis", "100");
            config.put("omniphi.provisioning.reconcile-interval", "1h");
            config.put("omniphi.provisioning.local.starting-recheck", "100ms");
            return config;
        }
    }

    private static NodeEventLog events;

    @BeforeAll
    static void reader() {
        events = new NodeEventLog();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aStartedNodeIsAnnouncedByTheFollowUpPassesAlone() {
        KafkaAssignment.awaitConsuming(
                io.quarkus.arc.Arc.container().instance(io.vertx.mutiny.sqlclient.Pool.class).get());
        String setupId = UUID.randomUUID().toString();
        KafkaTopicReader.send(KafkaAssignment.SETUP_TOPIC, setupId,
                LocalRuntimeFlowTest.setup(setupId, UUID.randomUUID()).toByteArray());

        NodeEvent provisioned = events.awaitFirst(setupId, NodeEvent.PayloadCase.PROVISIONED, Duration.ofSeconds(60));

        assertThat(provisioned.getProvisioned().getConsensusPubkey()).hasSize(44);
        // the stop command kicks a pass of its own, so the process ends with the test
        KafkaTopicReader.send(KafkaAssignment.STOP_TOPIC, setupId, StopRequested.newBuilder()
                .setMeta(EventMetas.create(UUID.randomUUID(), setupId, "test", Instant.now()))
                .setSetupRequestId(setupId).setRunMode(RunMode.RUN_MODE_CLOUD).build().toByteArray());
        events.awaitFirst(setupId, NodeEvent.PayloadCase.STOPPED, Duration.ofSeconds(60));
    }
}
