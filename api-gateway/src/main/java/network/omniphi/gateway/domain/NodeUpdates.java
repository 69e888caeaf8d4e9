package network.omniphi.gateway.domain;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/** Node read-model updates; an event older than the last applied node event leaves the node as it is. */
final class NodeUpdates {

    private NodeUpdates() {
    }

    static Uni<Void> status(SetupStore store, StatusEvent e, String provider, NodeStatus status, Long height,
            Instant checkedAt) {
        return current(store, e).flatMap(node -> {
            if (node == NOT_NEWER) {
                return Uni.createFrom().voidItem();
            }
            ValidatorNode base = node != null ? node : blank(e, provider);
            String name = base.nodeName() == null && e instanceof StatusEvent.NodeProvisioning p
                    ? p.nodeName()
                    : base.nodeName();
            ValidatorNode next = new ValidatorNode(base.id(), base.setupRequestId(), name, status,
                    base.provider(), base.rpcEndpoint(), base.p2pEndpoint(), base.grpcEndpoint(), base.logsUrl(),
                    height != null ? height : base.lastBlockHeight(),
                    checkedAt != null ? checkedAt : base.lastHealthCheck());
            return store.saveNode(next, e.occurredAt());
        });
    }

    static Uni<Void> provisioned(SetupStore store, StatusEvent.NodeProvisioned e) {
        return current(store, e).flatMap(node -> {
            if (node == NOT_NEWER) {
                return Uni.createFrom().voidItem();
            }
            ValidatorNode next = new ValidatorNode(StatusProjection.nodeId(e.setupRequestId()), e.setupRequestId(),
                    e.nodeName(), NodeStatus.RUNNING, e.provider(), e.rpcEndpoint(), e.p2pEndpoint(), e.grpcEndpoint(),
                    e.logsUrl(), e.blockHeight(), e.occurredAt());
            return store.saveNode(next, e.occurredAt());
        });
    }

    static Uni<Void> firstSeen(SetupStore store, StatusEvent.HeartbeatFirstSeen e, String provider) {
        return current(store, e).flatMap(node -> {
            if (node == NOT_NEWER) {
                return Uni.createFrom().voidItem();
            }
            ValidatorNode next = new ValidatorNode(StatusProjection.nodeId(e.setupRequestId()), e.setupRequestId(),
                    null, NodeStatus.RUNNING, provider, e.rpcPort() > 0 ? "http://127.0.0.1:" + e.rpcPort() : null,
                    e.p2pPort() > 0 ? "tcp://127.0.0.1:" + e.p2pPort() : null, null, null, e.blockHeight(),
                    e.occurredAt());
            return store.saveNode(next, e.occurredAt());
        });
    }

    private static final ValidatorNode NOT_NEWER = new ValidatorNode(null, null, null, null, null, null, null, null,
            null, null, null);

    /** The stored node (or null when none), or NOT_NEWER when the event is older than the last one applied. */
    private static Uni<ValidatorNode> current(SetupStore store, StatusEvent e) {
        return store.lastNodeEventAt(e.setupRequestId()).flatMap(last -> {
            if (last != null && e.occurredAt().isBefore(last)) {
                return Uni.createFrom().item(NOT_NEWER);
            }
            return store.node(e.setupRequestId());
        });
    }

    private static ValidatorNode blank(StatusEvent e, String provider) {
        return new ValidatorNode(StatusProjection.nodeId(e.setupRequestId()), e.setupRequestId(), null,
                NodeStatus.PROVISIONING, provider, null, null, null, null, null, null);
    }
}
