package network.omniphi.provisioning.infra.kubernetes.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of a validator node, written by the provisioner only when it changes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ValidatorNodeStatus {

    @JsonPropertyDescription("provisioning, syncing, running, unhealthy, stopping, stopped or failed")
    public String phase;

    @JsonPropertyDescription("Base64 ed25519 consensus public key, read from the node's /status")
    public String consensusPubkey;

    public String rpcEndpoint;
    public String p2pEndpoint;
    public String grpcEndpoint;

    @JsonPropertyDescription("Latest block height at the last health check")
    public Long latestHeight;

    @JsonPropertyDescription("Why the node failed, if it did")
    public String message;

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorNodeStatus s && Objects.equals(phase, s.phase)
                && Objects.equals(consensusPubkey, s.consensusPubkey) && Objects.equals(rpcEndpoint, s.rpcEndpoint)
                && Objects.equals(p2pEndpoint, s.p2pEndpoint) && Objects.equals(grpcEndpoint, s.grpcEndpoint)
                && Objects.equals(latestHeight, s.latestHeight) && Objects.equals(message, s.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, consensusPubkey, latestHeight);
    }
}
