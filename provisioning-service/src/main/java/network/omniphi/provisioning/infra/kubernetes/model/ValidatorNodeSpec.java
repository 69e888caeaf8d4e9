package network.omniphi.provisioning.infra.kubernetes.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired state of a validator node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ValidatorNodeSpec {

    @Required
    @Pattern("^[A-Za-z0-9._-]{1,128}$")
    @ValidationRule(value = "self == oldSelf", message = "setupRequestId is immutable")
    @JsonPropertyDescription("Setup request this node belongs to; immutable")
    public String setupRequestId;

    @Required
    @Size(min = 1, max = 70)
    @JsonPropertyDescription("Validator moniker (1..70 characters)")
    public String moniker;

    @Required
    @Pattern("^[a-zA-Z0-9_.-]{1,50}$")
    @JsonPropertyDescription("Chain id the node joins")
    public String chainId;

    @Required
    @Size(min = 1, max = 512)
    @JsonPropertyDescription("Node image with the node binary (init and start subcommands)")
    public String image;

    @JsonPropertyDescription("Whether the node should run (one replica) or be stopped (zero replicas, volume kept)")
    public boolean running = true;

    @Pattern("^[0-9]+(Mi|Gi|Ti)$")
    @JsonPropertyDescription("Size of the data volume, e.g. 20Gi")
    public String storageSize;

    @JsonPropertyDescription("Storage class of the data volume; the cluster default when unset")
    public String storageClass;

    @Pattern("^(LoadBalancer|NodePort|ClusterIP)$")
    @JsonPropertyDescription("How the P2P port is exposed")
    public String p2pExposure;

    @JsonPropertyDescription("CometBFT RPC the node follows")
    public String chainRpc;

    @JsonPropertyDescription("Container resources")
    public NodeResources resources;

    /** Requests and limits of the node container. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class NodeResources {
        @Pattern("^[0-9]+(m)?$")
        public String cpuRequest;
        @Pattern("^[0-9]+(m)?$")
        public String cpuLimit;
        @Pattern("^[0-9]+(Mi|Gi)$")
        public String memoryRequest;
        @Pattern("^[0-9]+(Mi|Gi)$")
        public String memoryLimit;
    }
}
