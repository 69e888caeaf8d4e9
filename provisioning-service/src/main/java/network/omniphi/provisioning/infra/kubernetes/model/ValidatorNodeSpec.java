package network.omniphi.provisioning.infra.kubernetes.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Desired state of a validator node: what a real Cosmos SDK node needs (docs/node-image-contract.md). Every field is
 * described for {@code kubectl explain validatornode.spec}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ValidatorNodeSpec {

    public static final String DEFAULT_BINARY = "omniphid";
    public static final String DEFAULT_HOME = "/home/omniphi/.omniphid";
    public static final long DEFAULT_DOUBLE_SIGN_CHECK_HEIGHT = 10;

    @Required
    @Pattern("^[A-Za-z0-9._-]{1,128}$")
    @ValidationRule(value = "self == oldSelf", message = "setupRequestId is immutable")
    @JsonPropertyDescription("Setup request this node belongs to (one node per setup request); immutable. A "
            + "ValidatorNode applied with kubectl names its own id here and is provisioned like one created for a "
            + "setup request.")
    public String setupRequestId;

    @Required
    @Size(min = 1, max = 70)
    @Pattern("^[^\"\\\\\\x00-\\x1f]+$")
    @JsonPropertyDescription("Validator moniker passed to the binary's init (1..70 characters, no quotes, "
            + "backslashes or control characters)")
    public String moniker;

    @Required
    @Pattern("^[a-zA-Z0-9_.-]{1,50}$")
    @ValidationRule(value = "self == oldSelf", message = "chainId is immutable")
    @JsonPropertyDescription("Chain id the node joins, passed to init --chain-id; immutable")
    public String chainId;

    @Required
    @Size(min = 1, max = 512)
    @JsonPropertyDescription("Node image: provides /bin/sh and the binary on PATH (see docs/node-image-contract.md); "
            + "prefer a digest (repo@sha256:...)")
    public String image;

    @Pattern("^(Always|IfNotPresent|Never)$")
    @JsonPropertyDescription("Image pull policy of the node containers: Always, IfNotPresent (default) or Never")
    public String imagePullPolicy;

    @Pattern("^[A-Za-z0-9._/-]{1,128}$")
    @JsonPropertyDescription("Cosmos SDK binary in the image, run as '<binary> init' and '<binary> start' "
            + "(default omniphid)")
    public String binary;

    @Pattern("^/[A-Za-z0-9._/-]{1,255}$")
    @ValidationRule(value = "self == oldSelf", message = "home is immutable: the consensus key lives there")
    @JsonPropertyDescription("Absolute home directory of the node (--home); the data volume is mounted here and "
            + "keeps config/priv_validator_key.json across restarts and stops (default /home/omniphi/.omniphid); "
            + "immutable")
    public String home;

    // A stop ends the node's setup (DESIGN: a stop accepted in any state ends in stopped), so the API server refuses
    // turning it back on instead of leaving a ValidatorNode that says running while nothing runs. A transition rule
    // (Kubernetes "CRD validation rules", apiextensions.k8s.io/v1 x-kubernetes-validations with oldSelf) runs only
    // when the field exists in both versions, hence the default that makes it always present.
    @Default("true")
    @ValidationRule(value = "oldSelf || !self", message = "a stopped node stays stopped: its setup has ended; "
            + "apply a new ValidatorNode (new name and setupRequestId) to run a validator again")
    @JsonPropertyDescription("Whether the node runs (one replica) or is stopped (zero replicas; volume and key kept). "
            + "Stopping is final: false cannot be set back to true")
    public boolean running = true;

    @JsonPropertyDescription("Where the genesis file comes from; checked before the node starts. Without it the "
            + "genesis written by the binary's init is kept (devnets only)")
    public Genesis genesis;

    @Size(max = 50)
    @JsonPropertyDescription("P2P seed nodes, each <node id>@<host>:<port>; written to config.toml [p2p] seeds")
    public List<@Pattern("^[0-9a-fA-F]{40}@[A-Za-z0-9.:\\[\\]-]{1,253}:[0-9]{1,5}$") String> seeds;

    @Size(max = 50)
    @JsonPropertyDescription("Persistent peers, each <node id>@<host>:<port>; written to config.toml [p2p] "
            + "persistent_peers")
    public List<@Pattern("^[0-9a-fA-F]{40}@[A-Za-z0-9.:\\[\\]-]{1,253}:[0-9]{1,5}$") String> persistentPeers;

    @JsonPropertyDescription("Optional state sync: start from a recent snapshot instead of replaying the chain")
    public StateSync stateSync;

    @Pattern("^$|^[0-9]+(\\.[0-9]+)?[a-zA-Z][a-zA-Z0-9/:._-]{1,127}(,[0-9]+(\\.[0-9]+)?[a-zA-Z][a-zA-Z0-9/:._-]{1,127})*$")
    @JsonPropertyDescription("Minimum gas prices the node accepts, e.g. 0.025omniphi; written to app.toml "
            + "minimum-gas-prices")
    public String minimumGasPrices;

    @Min(0)
    @Max(1000)
    @JsonPropertyDescription("Blocks a (re)started signer checks for its own signatures before signing; written to "
            + "config.toml [consensus] double_sign_check_height (default 10)")
    public Long doubleSignCheckHeight;

    @Size(max = 20)
    @JsonPropertyDescription("Extra arguments appended to '<binary> start --home <home>' (no secrets: they are "
            + "visible in the pod spec)")
    public List<@Size(max = 256) String> extraStartArgs;

    @Pattern("^https?://[A-Za-z0-9.:\\[\\]_-]{1,253}(/[A-Za-z0-9._/-]*)?$")
    @JsonPropertyDescription("CometBFT RPC of a trusted full node of this chain (the reference RPC): state sync "
            + "derives its trust height and hash from it when stateSync.fromReferenceRpc is set")
    public String chainRpc;

    @Pattern("^[0-9]+(Mi|Gi|Ti)$")
    @JsonPropertyDescription("Size of the data volume, e.g. 200Gi (default from the provisioner)")
    public String storageSize;

    @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
    @JsonPropertyDescription("Storage class of the data volume; the cluster default when unset. It must support "
            + "the ReadWriteOncePod access mode (CSI)")
    public String storageClass;

    @Pattern("^(LoadBalancer|NodePort|ClusterIP)$")
    @JsonPropertyDescription("How the P2P port is exposed: LoadBalancer, NodePort or ClusterIP")
    public String p2pExposure;

    @JsonPropertyDescription("Requests and limits of the node container")
    public NodeResources resources;

    /** Genesis source: a URL with its SHA-256, or a ConfigMap key. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(value = "has(self.url) != has(self.configMap)", message = "set exactly one of url or configMap")
    @ValidationRule(value = "!has(self.url) || has(self.sha256)", message = "a genesis url needs its sha256")
    public static class Genesis {
        @Pattern("^https://[^\\s]{1,2000}$")
        @JsonPropertyDescription("HTTPS URL of genesis.json (or .json.gz); downloaded by the configure init "
                + "container")
        public String url;

        @Pattern("^[0-9a-f]{64}$")
        @JsonPropertyDescription("Lower-case hex SHA-256 of the file at url (of the .gz file when compressed); the "
                + "node does not start unless it matches")
        public String sha256;

        @JsonPropertyDescription("A ConfigMap in the node's namespace holding genesis.json (for small genesis files)")
        public ConfigMapKey configMap;
    }

    /** A key of a ConfigMap in the node's namespace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ConfigMapKey {
        @Required
        @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
        @JsonPropertyDescription("ConfigMap name")
        public String name;

        @Pattern("^[-._a-zA-Z0-9]{1,253}$")
        @JsonPropertyDescription("Key in the ConfigMap (default genesis.json)")
        public String key;
    }

    /** CometBFT state sync settings ([statesync] in config.toml). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(value = "!self.enabled || (has(self.rpcServers) && size(self.rpcServers) > 0) "
            + "|| (has(self.fromReferenceRpc) && self.fromReferenceRpc)", message = "state sync needs rpcServers or "
                    + "fromReferenceRpc")
    public static class StateSync {
        @JsonPropertyDescription("Turn state sync on")
        public boolean enabled;

        @Size(max = 10)
        @JsonPropertyDescription("CometBFT RPC servers used to verify the snapshot (two or more; one is repeated)")
        public List<@Pattern("^https?://[A-Za-z0-9.:\\[\\]_-]{1,253}(/[A-Za-z0-9._/-]*)?$") String> rpcServers;

        @Min(1)
        @JsonPropertyDescription("Trusted height; with trustHash. Derived from the reference RPC when unset and "
                + "fromReferenceRpc is true")
        public Long trustHeight;

        @Pattern("^[0-9A-Fa-f]{64}$")
        @JsonPropertyDescription("Hash of the block at trustHeight")
        public String trustHash;

        @Pattern("^[0-9]+(h|m|s)([0-9]+(m|s))?([0-9]+s)?$")
        @JsonPropertyDescription("Trust period, e.g. 168h0m0s (default of the binary when unset)")
        public String trustPeriod;

        @JsonPropertyDescription("Derive rpcServers (when empty), trustHeight and trustHash from spec.chainRpc: the "
                + "block 2000 below its latest height")
        public Boolean fromReferenceRpc;
    }

    /** Requests and limits of the node container. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class NodeResources {
        @Pattern("^[0-9]+(m)?$")
        @JsonPropertyDescription("CPU request, e.g. 500m or 2")
        public String cpuRequest;
        @Pattern("^[0-9]+(m)?$")
        @JsonPropertyDescription("CPU limit")
        public String cpuLimit;
        @Pattern("^[0-9]+(Mi|Gi)$")
        @JsonPropertyDescription("Memory request, e.g. 8Gi")
        public String memoryRequest;
        @Pattern("^[0-9]+(Mi|Gi)$")
        @JsonPropertyDescription("Memory limit")
        public String memoryLimit;
    }

    /** The binary, defaulted. */
    public String binaryOrDefault() {
        return binary == null || binary.isBlank() ? DEFAULT_BINARY : binary;
    }

    /** The home directory, defaulted. */
    public String homeOrDefault() {
        return home == null || home.isBlank() ? DEFAULT_HOME : home;
    }

    public long doubleSignCheckHeightOrDefault() {
        return doubleSignCheckHeight == null ? DEFAULT_DOUBLE_SIGN_CHECK_HEIGHT : doubleSignCheckHeight;
    }
}
