package network.omniphi.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;

import network.omniphi.commons.events.Topics;
import network.omniphi.proto.events.v1.ChainEvent;
import network.omniphi.proto.events.v1.ConsensusKeyLinked;
import network.omniphi.proto.events.v1.EventMeta;
import network.omniphi.proto.events.v1.HeartbeatEvent;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;

/**
 * The fault run's bookkeeping (bench/fault/run.sh calls it after the drivers finished): proves from the services'
 * databases and the broker itself, not from what the API shows, that no event was lost and nothing happened twice.
 * <ol>
 * <li>every outbox drains: no row of any service stays unpublished;</li>
 * <li>every outbox row still kept (retention P1D) reached its topic (the relay stamps each record with its outbox
 * id);</li>
 * <li>every event of the run's setups on a topic a service consumes is in that consumer's processed_events
 * inbox;</li>
 * <li>exactly once per setup: one SetupRequested; a local setup one ConsensusKeyLinked and one NodeFirstSeen; a cloud setup one node row, one
 * NodeProvisioned and one ValidatorBonded (redelivered copies of the same event are counted apart: consumers dedupe
 * them by event id).</li>
 * </ol>
 * Arguments: the output JSON file, then the drivers' figure files (their {@code setupIds} are audited).
 */
public final class FaultAudit {

    private static final String KAFKA = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
    private static final String PG = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final List<String> SERVICES_DBS = List.of("gateway", "provisioning", "chain", "heartbeat");
    private static final Duration DRAIN = Duration.ofMinutes(3);

    /** One event as it sits on the broker: all copies of one outbox row share the event id. */
    record Seen(String topic, String eventId, String setupId, String kind, RunMode runMode) {
    }

    private final Map<String, Seen> events = new HashMap<>();
    private final Map<String, Integer> copiesByOutboxId = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Set<String> local = new HashSet<>();
        Set<String> cloud = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            JsonNode figures = Stack.JSON.readTree(Files.readAllBytes(Path.of(args[i])));
            Set<String> into = figures.path("mode").asText().startsWith("cloud") ? cloud : local;
            figures.path("setupIds").forEach(id -> into.add(id.asText()));
        }
        Map<String, Object> result = new FaultAudit().audit(local, cloud);
        Files.write(out, Stack.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result));
        System.out.println(Stack.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.exit(Boolean.TRUE.equals(result.get("ok")) ? 0 : 1);
    }

    private Map<String, Object> audit(Set<String> local, Set<String> cloud) throws Exception {
        Set<String> run = new HashSet<>(local);
        run.addAll(cloud);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("setupsAudited", Map.of("local", local.size(), "cloud", cloud.size()));

        Map<String, Long> pending = awaitOutboxesDrained();
        f.put("outboxUnpublished", pending);
        long unpublished = pending.values().stream().mapToLong(Long::longValue).sum();

        // the outbox snapshot comes first: a row marked published was acknowledged by the broker before its commit,
        // so every row in it must be within the topic end offsets read afterwards (the services keep publishing —
        // liveness events — while the audit runs). Only the run's rows (keyed by its setup ids): older rows may
        // have gone to a broker whose data has since been deleted.
        Map<String, List<String>> publishedRows = publishedOutboxRows(run);
        readTopics();
        f.put("eventsOnBroker", events.size());
        long redelivered = copiesByOutboxId.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        f.put("redeliveredCopies", redelivered);

        long neverPublished = outboxRowsMissingOnBroker(publishedRows);
        f.put("outboxRowsMissingOnBroker", neverPublished);

        Map<String, Long> unconsumed = awaitConsumed(run);
        f.put("eventsNotConsumed", unconsumed);
        long notConsumed = unconsumed.values().stream().mapToLong(Long::longValue).sum();

        Map<String, Object> once = new LinkedHashMap<>();
        long duplicated = 0;
        long missing = 0;
        for (var check : List.of(
                new Once("SetupRequested", run, Topics.SETUP_REQUESTED, "setup_requested"),
                new Once("ConsensusKeyLinked (local)", local, Topics.CONSENSUS_KEY_LINKED, "consensus_key_linked"),
                new Once("NodeFirstSeen (local)", local, Topics.HEARTBEAT_EVENTS, "first_seen"),
                new Once("NodeProvisioned (cloud)", cloud, Topics.NODE_EVENTS, "provisioned"),
                new Once("ValidatorBonded (cloud)", cloud, Topics.CHAIN_EVENTS, "bonded"))) {
            Map<String, Long> counts = check.count(events.values());
            long dup = check.setups().stream().mapToLong(id -> Math.max(0, counts.getOrDefault(id, 0L) - 1)).sum();
            long none = check.setups().stream().filter(id -> counts.getOrDefault(id, 0L) == 0).count();
            once.put(check.name(), Map.of("duplicated", dup, "missing", none));
            duplicated += dup;
            missing += none;
        }
        long nodeRowsTwice = nodeRowsNotOne(cloud);
        once.put("provisioning node rows (cloud)", Map.of("notExactlyOne", nodeRowsTwice));
        f.put("exactlyOnce", once);

        f.put("lost", unpublished + neverPublished + notConsumed + missing);
        f.put("duplicated", duplicated + nodeRowsTwice);
        f.put("problemCount", problems.size());
        f.put("problems", problems.subList(0, Math.min(problems.size(), 50)));
        f.put("ok", problems.isEmpty() && (long) f.get("lost") == 0 && (long) f.get("duplicated") == 0);
        return f;
    }

    /** A setup-scoped event that must happen exactly once per setup of a set. */
    private record Once(String name, Set<String> setups, String topic, String kind) {
        Map<String, Long> count(Iterable<Seen> all) {
            Map<String, Long> counts = new HashMap<>();
            for (Seen e : all) {
                if (e.topic().equals(topic) && e.kind().equals(kind) && setups.contains(e.setupId())) {
                    counts.merge(e.setupId(), 1L, Long::sum);
                }
            }
            return counts;
        }
    }

    /**
     * Every event of the run read from the broker must be in its consumers' inboxes; consumers may still be working
     * through the last ones, so this waits for up to {@link #DRAIN} before it counts what is missing.
     */
    private Map<String, Long> awaitConsumed(Set<String> run) throws SQLException, InterruptedException {
        long end = System.nanoTime() + DRAIN.toNanos();
        while (true) {
            List<String> missing = new ArrayList<>();
            Map<String, Long> unconsumed = unconsumed(run, missing);
            if (missing.isEmpty() || System.nanoTime() > end) {
                problems.addAll(missing);
                return unconsumed;
            }
            Thread.sleep(1000);
        }
    }

    private Map<String, Long> unconsumed(Set<String> run, List<String> missing) throws SQLException {
        Map<String, Long> unconsumed = new LinkedHashMap<>();
        unconsumed.put("gateway-status-projection", notInInbox(missing, "gateway", "gateway-status-projection",
                e -> run.contains(e.setupId()) && !e.topic().equals(Topics.SETUP_REQUESTED)
                        && !e.topic().equals(Topics.STOP_REQUESTED) && !e.topic().equals(Topics.CONSENSUS_KEY_LINKED)));
        unconsumed.put("provisioning.setup-requested",
                notInInbox(missing, "provisioning", "provisioning.setup-requested",
                        e -> run.contains(e.setupId()) && e.topic().equals(Topics.SETUP_REQUESTED)));
        unconsumed.put("provisioning.stop-requested", notInInbox(missing, "provisioning", "provisioning.stop-requested",
                e -> run.contains(e.setupId()) && e.topic().equals(Topics.STOP_REQUESTED)));
        unconsumed.put("heartbeat-service", notInInbox(missing, "heartbeat", "heartbeat-service",
                e -> run.contains(e.setupId()) && (e.topic().equals(Topics.STOP_REQUESTED)
                        || e.topic().equals(Topics.CONSENSUS_KEY_LINKED)
                        || e.topic().equals(Topics.SETUP_REQUESTED) && e.runMode() == RunMode.RUN_MODE_LOCAL)));
        return unconsumed;
    }

    private Map<String, Long> awaitOutboxesDrained() throws SQLException, InterruptedException {
        long end = System.nanoTime() + DRAIN.toNanos();
        while (true) {
            Map<String, Long> pending = new LinkedHashMap<>();
            for (String db : SERVICES_DBS) {
                pending.put(db, single(db, "SELECT count(*) FROM outbox WHERE published_at IS NULL"));
            }
            if (pending.values().stream().allMatch(c -> c == 0) || System.nanoTime() > end) {
                return pending;
            }
            Thread.sleep(500);
        }
    }

    private void readTopics() throws InvalidProtocolBufferException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-audit-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.SETUP_REQUESTED, Topics.STOP_REQUESTED, Topics.CONSENSUS_KEY_LINKED,
                    Topics.NODE_EVENTS, Topics.CHAIN_EVENTS, Topics.HEARTBEAT_EVENTS)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    take(r);
                }
            }
        }
    }

    private void take(ConsumerRecord<String, byte[]> r) throws InvalidProtocolBufferException {
        Header outboxId = r.headers().lastHeader("outbox-id");
        if (outboxId == null) {
            return; // not from a service outbox (a module test's hand-made record on the shared broker)
        }
        copiesByOutboxId.merge(new String(outboxId.value(), StandardCharsets.UTF_8), 1, Integer::sum);
        Seen seen = switch (r.topic()) {
            case Topics.SETUP_REQUESTED -> {
                SetupRequested e = SetupRequested.parseFrom(r.value());
                yield seen(r, e.getMeta(), e.getSetupRequestId(), "setup_requested", e.getRunMode());
            }
            case Topics.STOP_REQUESTED -> {
                StopRequested e = StopRequested.parseFrom(r.value());
                yield seen(r, e.getMeta(), e.getSetupRequestId(), "stop_requested", e.getRunMode());
            }
            case Topics.CONSENSUS_KEY_LINKED -> {
                ConsensusKeyLinked e = ConsensusKeyLinked.parseFrom(r.value());
                yield seen(r, e.getMeta(), e.getSetupRequestId(), "consensus_key_linked", null);
            }
            case Topics.NODE_EVENTS -> {
                NodeEvent e = NodeEvent.parseFrom(r.value());
                yield seen(r, e.getMeta(), e.getSetupRequestId(), kind(e.getPayloadCase().name()), null);
            }
            case Topics.CHAIN_EVENTS -> {
                ChainEvent e = ChainEvent.parseFrom(r.value());
                yield seen(r, e.getMeta(), e.getSetupRequestId(), kind(e.getPayloadCase().name()), null);
            }
            case Topics.HEARTBEAT_EVENTS -> {
                HeartbeatEvent e = HeartbeatEvent.parseFrom(r.value());
                yield seen(r, e.getMeta(), e.getSetupRequestId(), kind(e.getPayloadCase().name()), null);
            }
            default -> null;
        };
        if (seen != null) {
            Seen earlier = events.putIfAbsent(seen.eventId(), seen);
            if (earlier != null && !earlier.equals(seen)) {
                problems.add("event id " + seen.eventId() + " names two different events");
            }
        }
    }

    private static Seen seen(ConsumerRecord<String, byte[]> r, EventMeta meta, String setupId, String kind,
            RunMode runMode) {
        return new Seen(r.topic(), meta.getEventId(), setupId, kind, runMode);
    }

    private static String kind(String payloadCase) {
        return payloadCase.toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, List<String>> publishedOutboxRows(Set<String> run) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String[] keys = run.toArray(new String[0]);
        for (String db : SERVICES_DBS) {
            rows.put(db, column(db, "SELECT id::text FROM outbox WHERE published_at IS NOT NULL"
                    + " AND record_key = ANY (?)", keys));
        }
        return rows;
    }

    private long outboxRowsMissingOnBroker(Map<String, List<String>> publishedRows) {
        long missing = 0;
        for (var db : publishedRows.entrySet()) {
            for (String id : db.getValue()) {
                if (!copiesByOutboxId.containsKey(id)) {
                    missing++;
                    problems.add(db.getKey() + " outbox row " + id + " is marked published but is not on its topic");
                }
            }
        }
        return missing;
    }

    private long notInInbox(List<String> missingOut, String db, String consumer, Predicate<Seen> relevant)
            throws SQLException {
        Set<String> processed = new HashSet<>(
                column(db, "SELECT event_id::text FROM processed_events WHERE consumer = '" + consumer + "'"));
        long missing = 0;
        for (Seen e : events.values()) {
            if (relevant.test(e) && !processed.contains(e.eventId())) {
                missing++;
                missingOut.add(consumer + " never processed " + e.kind() + " " + e.eventId() + " of setup "
                        + e.setupId());
            }
        }
        return missing;
    }

    private long nodeRowsNotOne(Set<String> cloud) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        for (String id : column("provisioning", "SELECT setup_request_id FROM validator_nodes")) {
            rows.merge(id, 1L, Long::sum);
        }
        long wrong = 0;
        for (String id : cloud) {
            if (rows.getOrDefault(id, 0L) != 1) {
                wrong++;
                problems.add("setup " + id + " has " + rows.getOrDefault(id, 0L) + " node rows");
            }
        }
        return wrong;
    }

    private static long single(String db, String sql) throws SQLException {
        return Long.parseLong(column(db, sql).get(0));
    }

    /** The first column of a query's rows; a String[] parameter binds as a text array. */
    private static List<String> column(String db, String sql, String[]... arrays) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + db, db, db);
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                st.setArray(i + 1, c.createArrayOf("text", arrays[i]));
            }
            try (ResultSet rs = st.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }
}
