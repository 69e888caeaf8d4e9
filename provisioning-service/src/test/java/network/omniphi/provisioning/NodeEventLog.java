package network.omniphi.provisioning;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.commons.events.Topics;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * The node events of one setup, where they are decided (the service's outbox rows) and where consumers see them
 * (the real {@code validator.node.events} topic). Kafka delivery is at least once, so counts there are by event id.
 */
public final class NodeEventLog implements AutoCloseable {

    private final KafkaTopicReader topic = new KafkaTopicReader(Topics.NODE_EVENTS);

    /** Every event of the setup seen on the topic so far, in order. */
    public List<NodeEvent> published(String setupId) {
        return topic.recordsWithKey(setupId).stream().map(r -> parse(r.value())).toList();
    }

    /** Waits (up to a minute) for the first event of a kind on the topic. */
    public NodeEvent awaitFirst(String setupId, NodeEvent.PayloadCase kind) {
        return awaitFirst(setupId, kind, Duration.ofSeconds(60));
    }

    /** Waits up to {@code patience} for the first event of a kind on the topic. */
    public NodeEvent awaitFirst(String setupId, NodeEvent.PayloadCase kind, Duration patience) {
        return await().atMost(patience).pollInterval(Duration.ofMillis(200))
                .until(() -> published(setupId).stream().filter(e -> e.getPayloadCase() == kind).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Distinct events (by event id) of a kind on the topic. */
    public long publishedCount(String setupId, NodeEvent.PayloadCase kind) {
        return published(setupId).stream().filter(e -> e.getPayloadCase() == kind)
                .map(e -> e.getMeta().getEventId()).distinct().count();
    }

    /** The events the service decided for the setup (outbox rows, published or not), in order. */
    public static List<NodeEvent> decided(Pool pool, String setupId) {
        List<NodeEvent> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT payload FROM outbox WHERE topic = $1 AND record_key = $2"
                + " ORDER BY created_at, id").execute(Tuple.of(Topics.NODE_EVENTS, setupId)).await()
                .atMost(Duration.ofSeconds(10))) {
            events.add(parse(row.getBuffer("payload").getBytes()));
        }
        return events;
    }

    /** Waits until the relay has published every outbox row of the setup. */
    public static void awaitRelayed(Pool pool, String setupId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM outbox WHERE record_key = $1 AND published_at IS NULL")
                .execute(Tuple.of(setupId)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong(0) == 0);
    }

    private static NodeEvent parse(byte[] value) {
        try {
            return NodeEvent.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        topic.close();
    }
}
