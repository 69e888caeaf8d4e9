package network.omniphi.gateway.api;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.InvalidProtocolBufferException;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.events.Topics;
import network.omniphi.gateway.domain.NodeStatus;
import network.omniphi.gateway.domain.P2pAddress;
import network.omniphi.gateway.domain.StatusEvent;
import network.omniphi.proto.events.v1.ChainEvent;
import network.omniphi.proto.events.v1.EventMeta;
import network.omniphi.proto.events.v1.HeartbeatEvent;
import network.omniphi.proto.events.v1.NodeEvent;

/** Protobuf events → domain {@link StatusEvent}s; null for payloads the gateway does not track. */
final class StatusEventMapper {

    private StatusEventMapper() {
    }

    static StatusEvent map(String topic, byte[] value) throws InvalidProtocolBufferException {
        return switch (topic) {
            case Topics.NODE_EVENTS -> node(NodeEvent.parseFrom(value));
            case Topics.CHAIN_EVENTS -> chain(ChainEvent.parseFrom(value));
            case Topics.HEARTBEAT_EVENTS -> heartbeat(HeartbeatEvent.parseFrom(value));
            default -> null;
        };
    }

    private static StatusEvent node(NodeEvent e) {
        UUID id = EventMetas.eventId(e.getMeta());
        UUID setup = UUID.fromString(e.getSetupRequestId());
        Instant at = at(e.getMeta());
        return switch (e.getPayloadCase()) {
            case PROVISIONING -> new StatusEvent.NodeProvisioning(id, setup, at, e.getNodeId(), e.getProvider());
            case PROVISIONED -> new StatusEvent.NodeProvisioned(id, setup, at, e.getNodeId(), e.getProvider(),
                    e.getProvisioned().getConsensusPubkey(), e.getProvisioned().getEndpoints().getRpc(),
                    P2pAddress.normalise(e.getProvisioned().getEndpoints().getP2P()),
                    e.getProvisioned().getEndpoints().getGrpc(),
                    e.getProvisioned().getEndpoints().getLogsUrl(), e.getProvisioned().getBlockHeight());
            case HEALTH_CHANGED -> health(id, setup, at, e);
            case STOPPING -> new StatusEvent.NodeStopping(id, setup, at);
            case STOPPED -> new StatusEvent.NodeStopped(id, setup, at);
            case FAILED -> new StatusEvent.NodeFailed(id, setup, at, e.getFailed().getReason());
            case PAYLOAD_NOT_SET -> null;
        };
    }

    private static StatusEvent health(UUID id, UUID setup, Instant at, NodeEvent e) {
        NodeStatus status = switch (e.getHealthChanged().getStatus()) {
            case NODE_STATUS_PROVISIONING -> NodeStatus.PROVISIONING;
            case NODE_STATUS_SYNCING -> NodeStatus.SYNCING;
            case NODE_STATUS_RUNNING -> NodeStatus.RUNNING;
            case NODE_STATUS_UNHEALTHY -> NodeStatus.UNHEALTHY;
            case NODE_STATUS_STOPPING -> NodeStatus.STOPPING;
            case NODE_STATUS_STOPPED -> NodeStatus.STOPPED;
            case NODE_STATUS_FAILED -> NodeStatus.FAILED;
            default -> null;
        };
        if (status == null) {
            return null;
        }
        Instant checked = e.getHealthChanged().hasCheckedAt()
                ? EventMetas.instant(e.getHealthChanged().getCheckedAt())
                : at;
        return new StatusEvent.NodeHealth(id, setup, at, status, e.getHealthChanged().getBlockHeight(), checked);
    }

    private static StatusEvent chain(ChainEvent e) {
        UUID id = EventMetas.eventId(e.getMeta());
        UUID setup = UUID.fromString(e.getSetupRequestId());
        Instant at = at(e.getMeta());
        String op = e.getOperatorAddress();
        return switch (e.getPayloadCase()) {
            case TX_SUBMITTED -> new StatusEvent.TxSubmitted(id, setup, at, op, e.getTxSubmitted().getTxHash());
            case TX_CONFIRMED -> new StatusEvent.TxConfirmed(id, setup, at, op, e.getTxConfirmed().getTxHash());
            case TX_FAILED -> new StatusEvent.TxFailed(id, setup, at, e.getTxFailed().getTxHash(),
                    txFailure(e.getTxFailed()));
            case BONDED ->
                new StatusEvent.ValidatorState(id, setup, at, op, true, e.getBonded().getVotingPower(), null);
            case UNBONDED -> new StatusEvent.ValidatorState(id, setup, at, op, false, null, null);
            case JAILED -> new StatusEvent.ValidatorState(id, setup, at, op, false, null, true);
            case UNJAILED -> new StatusEvent.ValidatorState(id, setup, at, op, null, null, false);
            case VOTING_POWER_CHANGED -> new StatusEvent.ValidatorState(id, setup, at, op,
                    e.getVotingPowerChanged().getInActiveSet(), e.getVotingPowerChanged().getVotingPower(), null);
            case PAYLOAD_NOT_SET -> null;
        };
    }

    private static StatusEvent heartbeat(HeartbeatEvent e) {
        if (e.getSetupRequestId().isEmpty()) {
            return null;
        }
        UUID id = EventMetas.eventId(e.getMeta());
        UUID setup = UUID.fromString(e.getSetupRequestId());
        Instant at = at(e.getMeta());
        return switch (e.getPayloadCase()) {
            case FIRST_SEEN -> new StatusEvent.HeartbeatFirstSeen(id, setup, at, e.getConsensusPubkey(),
                    e.getFirstSeen().getBlockHeight(), e.getFirstSeen().getLocalRpcPort(),
                    e.getFirstSeen().getLocalP2PPort());
            case STALE -> new StatusEvent.HeartbeatLiveness(id, setup, at, true, 0);
            // a node that reports but does not advance while the chain does is as unhealthy as a silent one
            case RECOVERED -> new StatusEvent.HeartbeatLiveness(id, setup, at, false,
                    e.getRecovered().getBlockHeight());
            case HEIGHT_STALLED -> new StatusEvent.HeartbeatLiveness(id, setup, at, true,
                    e.getHeightStalled().getBlockHeight());
            case PAYLOAD_NOT_SET -> null;
        };
    }

    private static Instant at(EventMeta meta) {
        return meta.hasOccurredAt() ? EventMetas.instant(meta.getOccurredAt()) : Instant.now();
    }

    /** "VALIDATOR_EXISTS (staking 4): raw log" when chain-service mapped the result, else "code N: raw log". */
    static String txFailure(network.omniphi.proto.events.v1.TxFailed f) {
        String where = f.getCodespace().isEmpty() ? "code " + f.getCode() : f.getCodespace() + " " + f.getCode();
        return f.getErrorCode().isEmpty()
                ? "code " + f.getCode() + ": " + f.getRawLog()
                : f.getErrorCode() + " (" + where + "): " + f.getRawLog();
    }
}
