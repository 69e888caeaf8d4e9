package network.omniphi.provisioning.domain;

import java.time.Instant;

/**
 * One validator node the provisioner owns, keyed by the setup request id. Immutable; transitions return copies.
 *
 * @param name deterministic node name derived from the setup id ({@link NodeNames#nodeName(String)})
 * @param desiredRunning whether the node's workload should run: true from the setup request until the user asks to
 *        stop it, or until a node that failed while provisioning has been scaled down ({@link #halted()})
 * @param consensusPubkey base64 ed25519 key read from the node's /status, null until provisioned
 * @param version optimistic-lock version of the stored row
 */
public record ValidatorNode(String setupRequestId, String name, String moniker, String chainId, String provider,
        boolean desiredRunning, NodeStatus status, String consensusPubkey, Endpoints endpoints, long latestHeight,
        Instant lastHealthCheck, String failureReason, Instant createdAt, long version) {

    /** Provider recorded for nodes declared directly in the runtime rather than requested through the API. */
    public static final String ADOPTED_PROVIDER = "kubernetes";

    /** A node just requested: provisioning, nothing known yet. */
    public static ValidatorNode requested(String setupRequestId, String moniker, String chainId, String provider,
            Instant now) {
        return new ValidatorNode(setupRequestId, NodeNames.nodeName(setupRequestId), moniker, chainId, provider, true,
                NodeStatus.PROVISIONING, null, Endpoints.NONE, 0, null, null, now, 0);
    }

    /**
     * The record of a setup that was stopped before its setup request reached the provisioner (the two commands
     * travel on different topics, so a stop can arrive first): already stopped and never to run. A setup request
     * that arrives later finds this row by setup id and creates nothing, so no workload is ever made for it.
     */
    public static ValidatorNode stoppedBeforeProvisioning(String setupRequestId, String chainId, String provider,
            Instant now) {
        return new ValidatorNode(setupRequestId, NodeNames.nodeName(setupRequestId), "", chainId, provider, false,
                NodeStatus.STOPPED, null, Endpoints.NONE, 0, null, null, now, 0);
    }

    /**
     * A node declared directly in the runtime (a ValidatorNode applied with kubectl): provisioning under the
     * declaration's own name.
     */
    public static ValidatorNode adopted(String setupRequestId, String name, String moniker, String chainId,
            Instant now) {
        return new ValidatorNode(setupRequestId, name, moniker, chainId, ADOPTED_PROVIDER, true,
                NodeStatus.PROVISIONING, null, Endpoints.NONE, 0, null, null, now, 0);
    }

    public ValidatorNode withStatus(NodeStatus next) {
        return new ValidatorNode(setupRequestId, name, moniker, chainId, provider, desiredRunning, next,
                consensusPubkey, endpoints, latestHeight, lastHealthCheck, failureReason, createdAt, version);
    }

    public ValidatorNode stopRequested() {
        return new ValidatorNode(setupRequestId, name, moniker, chainId, provider, false, NodeStatus.STOPPING,
                consensusPubkey, endpoints, latestHeight, lastHealthCheck, failureReason, createdAt, version);
    }

    public ValidatorNode provisioned(String pubkey, Endpoints at, long height, Instant now) {
        return new ValidatorNode(setupRequestId, name, moniker, chainId, provider, desiredRunning, NodeStatus.RUNNING,
                pubkey, at, height, now, null, createdAt, version);
    }

    public ValidatorNode checked(NodeStatus next, long height, Instant now) {
        return new ValidatorNode(setupRequestId, name, moniker, chainId, provider, desiredRunning, next,
                consensusPubkey, endpoints, height, now, failureReason, createdAt, version);
    }

    /**
     * A failed node whose workload the runtime has scaled down (zero replicas, process ended; volume and key kept):
     * nothing more to reconcile. A failed node still marked to run is scaled down first.
     */
    public ValidatorNode halted() {
        return new ValidatorNode(setupRequestId, name, moniker, chainId, provider, false, status, consensusPubkey,
                endpoints, latestHeight, lastHealthCheck, failureReason, createdAt, version);
    }

    public ValidatorNode failed(String reason) {
        return new ValidatorNode(setupRequestId, name, moniker, chainId, provider, desiredRunning, NodeStatus.FAILED,
                consensusPubkey, endpoints, latestHeight, lastHealthCheck, reason, createdAt, version);
    }
}
