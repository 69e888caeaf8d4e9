package network.omniphi.gateway.domain;

import java.time.Instant;
import java.util.UUID;

/** Events from the provisioner, the chain service and the heartbeat service that move a setup's status. */
public sealed interface StatusEvent {

    UUID eventId();

    UUID setupRequestId();

    Instant occurredAt();

    record NodeProvisioning(UUID eventId, UUID setupRequestId, Instant occurredAt, String nodeName, String provider)
            implements
                StatusEvent {
    }

    record NodeProvisioned(UUID eventId, UUID setupRequestId, Instant occurredAt, String nodeName, String provider,
            String consensusPubkey, String rpcEndpoint, String p2pEndpoint, String grpcEndpoint, String logsUrl,
            long blockHeight) implements StatusEvent {
    }

    record NodeHealth(UUID eventId, UUID setupRequestId, Instant occurredAt, NodeStatus status, long blockHeight,
            Instant checkedAt) implements StatusEvent {
    }

    record NodeStopping(UUID eventId, UUID setupRequestId, Instant occurredAt) implements StatusEvent {
    }

    record NodeStopped(UUID eventId, UUID setupRequestId, Instant occurredAt) implements StatusEvent {
    }

    record NodeFailed(UUID eventId, UUID setupRequestId, Instant occurredAt, String reason) implements StatusEvent {
    }

    record TxSubmitted(UUID eventId, UUID setupRequestId, Instant occurredAt, String operatorAddress, String txHash)
            implements
                StatusEvent {
    }

    record TxConfirmed(UUID eventId, UUID setupRequestId, Instant occurredAt, String operatorAddress, String txHash)
            implements
                StatusEvent {
    }

    record TxFailed(UUID eventId, UUID setupRequestId, Instant occurredAt, String txHash, String reason)
            implements
                StatusEvent {
    }

    /** The validator's standing on chain changed (bonded, unbonded, jailed, unjailed, power). */
    record ValidatorState(UUID eventId, UUID setupRequestId, Instant occurredAt, String operatorAddress,
            Boolean active, Long votingPower, Boolean jailed) implements StatusEvent {
    }

    record HeartbeatFirstSeen(UUID eventId, UUID setupRequestId, Instant occurredAt, String consensusPubkey,
            long blockHeight, int rpcPort, int p2pPort) implements StatusEvent {
    }

    /**
     * Heartbeat liveness of a local node: unhealthy when its heartbeats stopped (stale) or its height stalled behind
     * the chain; healthy again when it recovered. A block height of 0 means the event did not carry one.
     */
    record HeartbeatLiveness(UUID eventId, UUID setupRequestId, Instant occurredAt, boolean unhealthy,
            long blockHeight)
            implements
                StatusEvent {
    }
}
