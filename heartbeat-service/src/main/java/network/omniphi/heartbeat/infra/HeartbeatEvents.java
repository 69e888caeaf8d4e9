package network.omniphi.heartbeat.infra;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.events.Topics;
import network.omniphi.commons.outbox.OutboxWriter;
import network.omniphi.proto.events.v1.HeartbeatEvent;
import network.omniphi.proto.events.v1.NodeFirstSeen;
import network.omniphi.proto.events.v1.NodeHeightStalled;
import network.omniphi.proto.events.v1.NodeRecovered;
import network.omniphi.proto.events.v1.NodeStale;

/**
 * Builds {@code validator.heartbeat.events} messages and enqueues them in the outbox. Call inside the transaction of
 * the state change; the key is the node's setup request id (its wallet while none is known).
 */
@ApplicationScoped
public class HeartbeatEvents {

    static final String PRODUCER = "heartbeat-service";

    private final OutboxWriter outbox;
    private final Clock clock;

    public HeartbeatEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> firstSeen(HeartbeatEntity node) {
        return publish(envelope(node).setFirstSeen(NodeFirstSeen.newBuilder().setBlockHeight(node.blockHeight)
                .setLocalRpcPort(node.localRpcPort).setLocalP2PPort(node.localP2pPort)), node);
    }

    public Uni<Void> stale(HeartbeatEntity node) {
        return publish(envelope(node).setStale(NodeStale.newBuilder().setLastSeen(ts(node.lastSeen))), node);
    }

    public Uni<Void> recovered(HeartbeatEntity node) {
        return publish(envelope(node).setRecovered(NodeRecovered.newBuilder().setBlockHeight(node.blockHeight)),
                node);
    }

    public Uni<Void> heightStalled(HeartbeatEntity node, long chainHeight) {
        return publish(envelope(node).setHeightStalled(NodeHeightStalled.newBuilder()
                .setBlockHeight(node.blockHeight).setChainHeight(chainHeight)), node);
    }

    private HeartbeatEvent.Builder envelope(HeartbeatEntity node) {
        return HeartbeatEvent.newBuilder()
                .setMeta(EventMetas.create(node.eventKey(), PRODUCER, clock))
                .setSetupRequestId(node.setupRequestId == null ? "" : node.setupRequestId)
                .setWalletAddress(node.walletAddress)
                .setConsensusPubkey(node.consensusPubkey);
    }

    private Uni<Void> publish(HeartbeatEvent.Builder event, HeartbeatEntity node) {
        return outbox.enqueue(Topics.HEARTBEAT_EVENTS, node.eventKey(), event.build());
    }

    private static com.google.protobuf.Timestamp ts(Instant instant) {
        return EventMetas.timestamp(instant);
    }
}
