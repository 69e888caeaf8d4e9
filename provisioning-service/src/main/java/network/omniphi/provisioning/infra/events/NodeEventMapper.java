package network.omniphi.provisioning.infra.events;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.EventMeta;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.proto.events.v1.NodeFailed;
import network.omniphi.proto.events.v1.NodeHealthChanged;
import network.omniphi.proto.events.v1.NodeProvisioned;
import network.omniphi.proto.events.v1.NodeProvisioning;
import network.omniphi.proto.events.v1.NodeStatus;
import network.omniphi.proto.events.v1.NodeStopped;
import network.omniphi.proto.events.v1.NodeStopping;
import network.omniphi.provisioning.domain.Endpoints;
import network.omniphi.provisioning.domain.NodeChange;
import network.omniphi.provisioning.domain.ValidatorNode;

/** Domain changes → protobuf {@code NodeEvent} (the only place that knows the wire schema). */
final class NodeEventMapper {

    private NodeEventMapper() {
    }

    static NodeEvent toEvent(ValidatorNode node, NodeChange change, EventMeta meta) {
        NodeEvent.Builder event = NodeEvent.newBuilder().setMeta(meta).setSetupRequestId(node.setupRequestId())
                .setNodeId(node.name()).setProvider(node.provider());
        if (change instanceof NodeChange.Provisioned p) {
            event.setProvisioned(NodeProvisioned.newBuilder().setConsensusPubkey(p.consensusPubkey())
                    .setEndpoints(endpoints(p.endpoints())).setBlockHeight(p.blockHeight()));
        } else if (change instanceof NodeChange.HealthChanged h) {
            event.setHealthChanged(NodeHealthChanged.newBuilder().setStatus(status(h.status()))
                    .setBlockHeight(h.blockHeight()).setCatchingUp(h.catchingUp())
                    .setCheckedAt(EventMetas.timestamp(h.checkedAt())).setDetail(h.detail()));
        } else if (change instanceof NodeChange.Failed f) {
            event.setFailed(NodeFailed.newBuilder().setReason(f.reason()));
        } else if (change instanceof NodeChange.Stopping) {
            event.setStopping(NodeStopping.getDefaultInstance());
        } else if (change instanceof NodeChange.Stopped) {
            event.setStopped(NodeStopped.getDefaultInstance());
        } else {
            event.setProvisioning(NodeProvisioning.getDefaultInstance());
        }
        return event.build();
    }

    private static network.omniphi.proto.events.v1.Endpoints endpoints(Endpoints e) {
        network.omniphi.proto.events.v1.Endpoints.Builder b = network.omniphi.proto.events.v1.Endpoints.newBuilder();
        if (e.rpc() != null) {
            b.setRpc(e.rpc());
        }
        if (e.p2p() != null) {
            b.setP2P(e.p2p());
        }
        if (e.grpc() != null) {
            b.setGrpc(e.grpc());
        }
        return b.build();
    }

    static NodeStatus status(network.omniphi.provisioning.domain.NodeStatus s) {
        return NodeStatus.valueOf("NODE_STATUS_" + s.name());
    }
}
