package network.omniphi.provisioning.infra.kubernetes.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.Condition;

/** Observed state of a validator node, written by the provisioner only when it changes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ValidatorNodeStatus {

    @JsonPropertyDescription("provisioning, syncing, running, unhealthy, stopping, stopped, failed or error "
            + "(the spec cannot be provisioned)")
    public String phase;

    @JsonPropertyDescription("Base64 ed25519 consensus public key, read from the node's /status (the private key "
            + "never leaves the node's volume)")
    public String consensusPubkey;

    @JsonPropertyDescription("CometBFT RPC URL inside the cluster")
    public String rpcEndpoint;
    @JsonPropertyDescription("P2P address (host:port)")
    public String p2pEndpoint;
    @JsonPropertyDescription("Cosmos gRPC address inside the cluster (host:port)")
    public String grpcEndpoint;

    @JsonPropertyDescription("Latest block height seen at a health check (refreshed at most once per "
            + "omniphi.provisioning.kubernetes.status-height-interval)")
    public Long latestHeight;

    @JsonPropertyDescription("Why the node failed or cannot be provisioned, if so")
    public String message;

    @JsonPropertyDescription("metadata.generation of the spec this status describes")
    public Long observedGeneration;

    @JsonPropertyDescription("KeyReady (consensus key created by init and reported), Synced (within 3 blocks of "
            + "the reference node) and Ready (running and in sync), each with a reason")
    public List<Condition> conditions;

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorNodeStatus s && Objects.equals(phase, s.phase)
                && Objects.equals(consensusPubkey, s.consensusPubkey) && Objects.equals(rpcEndpoint, s.rpcEndpoint)
                && Objects.equals(p2pEndpoint, s.p2pEndpoint) && Objects.equals(grpcEndpoint, s.grpcEndpoint)
                && Objects.equals(latestHeight, s.latestHeight) && Objects.equals(message, s.message)
                && Objects.equals(observedGeneration, s.observedGeneration)
                && Objects.equals(conditions, s.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, consensusPubkey, latestHeight);
    }
}
