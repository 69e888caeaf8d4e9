package network.omniphi.provisioning;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * Test consumers read command topics of their own run (a fresh group on fresh topics: nothing other suites or the
 * running local stack left on the shared broker is replayed, and the stack's provisioner never sees test commands);
 * tests wait until both consumers read records before they send.
 */
public final class KafkaAssignment {

    /** One id per test JVM, shared by every class loader (Quarkus loads test classes more than once). */
    private static final String RUN = runId();
    public static final String GROUP = "provisioning-test-" + RUN;
    /** Command topics of this run only, so a provisioner of the running local stack never sees test commands. */
    public static final String SETUP_TOPIC = "validator.setup.requested.test-" + RUN;
    public static final String STOP_TOPIC = "validator.stop.requested.test-" + RUN;

    private KafkaAssignment() {
    }

    private static synchronized String runId() {
        String id = System.getProperty("provisioning-test-run-id");
        if (id == null) {
            id = UUID.randomUUID().toString().substring(0, 8);
            System.setProperty("provisioning-test-run-id", id);
        }
        return id;
    }

    public static Map<String, String> config() {
        return Map.of("mp.messaging.incoming.setup-requested.group.id", GROUP,
                "mp.messaging.incoming.stop-requested.group.id", GROUP,
                "mp.messaging.incoming.setup-requested.topic", SETUP_TOPIC,
                "mp.messaging.incoming.stop-requested.topic", STOP_TOPIC);
    }

    /**
     * Waits until both consumers really read new records: sends harmless warm-up commands (local run mode, which the
     * provisioner records in its inbox and otherwise ignores) until one of each shows up in {@code processed_events}.
     */
    public static void awaitConsuming(Pool pool) {
        List<String> sent = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String setupEvent = UUID.randomUUID().toString();
            String stopEvent = UUID.randomUUID().toString();
            KafkaTopicReader.send(SETUP_TOPIC, "warm-up", SetupRequested.newBuilder()
                    .setMeta(EventMetas.create(UUID.fromString(setupEvent), "warm-up", "test", Instant.now()))
                    .setSetupRequestId("warm-up").setRunMode(RunMode.RUN_MODE_LOCAL).build().toByteArray());
            KafkaTopicReader.send(STOP_TOPIC, "warm-up", StopRequested.newBuilder()
                    .setMeta(EventMetas.create(UUID.fromString(stopEvent), "warm-up", "test", Instant.now()))
                    .setSetupRequestId("warm-up").setRunMode(RunMode.RUN_MODE_LOCAL).build().toByteArray());
            sent.add(setupEvent);
            sent.add(stopEvent);
            long consumers = pool.preparedQuery("SELECT count(DISTINCT consumer) FROM processed_events"
                    + " WHERE event_id = ANY($1)").execute(Tuple.of(
                            sent.stream().map(UUID::fromString)
                                    .toArray(UUID[]::new)))
                    .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
            return consumers == 2;
        });
    }
}
