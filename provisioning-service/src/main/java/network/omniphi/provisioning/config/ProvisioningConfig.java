package network.omniphi.provisioning.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Provisioning settings ({@code omniphi.provisioning.*}). */
@ConfigMapping(prefix = "omniphi.provisioning")
public interface ProvisioningConfig {

    enum Runtime {
        KUBERNETES, LOCAL
    }

    /** Where nodes run: {@code kubernetes} (ValidatorNode resources) or {@code local} (processes, dev stack). */
    @WithDefault("kubernetes")
    Runtime runtime();

    /** CometBFT RPC whose height a node must be within 3 blocks of before it counts as provisioned. */
    @WithDefault("http://127.0.0.1:26657")
    String referenceRpc();

    /** Chain id used when a setup request carries none. */
    @WithDefault("omniphi-devnet-1")
    String defaultChainId();

    /**
     * How often the local runtime reconciles every node (the scheduler's granularity is one second; commands also
     * kick a pass). The Kubernetes runtime reconciles on watch events instead ({@link Kubernetes#resyncInterval()}).
     */
    @WithDefault("1s")
    Duration reconcileInterval();

    /** How long a node may take from request to provisioned before it is failed. */
    @WithDefault("10m")
    Duration provisionTimeout();

    /** How often height and lastHealthCheck of a healthy node are stored (events still only on change). */
    @WithDefault("5s")
    Duration healthInterval();

    /** Identity of this instance in leader election; defaults to host name + random suffix. */
    Optional<String> identity();

    Local local();

    Kubernetes kubernetes();

    /** The local process runtime. */
    interface Local {
        /** Folder holding one home per node ({@code <home-root>/<node name>}). */
        @WithDefault("${OMNIPHI_RUN_DIR:.run}/nodes")
        String homeRoot();

        /** First port of the range local nodes take ports from (three per node). */
        @WithDefault("27000")
        int portRangeStart();

        /** Last port of the range. */
        @WithDefault("27999")
        int portRangeEnd();

        /** Restarts within {@link #restartWindow()} after which a crashing node is failed. */
        @WithDefault("5")
        int maxRestarts();

        @WithDefault("60s")
        Duration restartWindow();

        /** How often a node polls the chain (passed to the node as --poll-ms). */
        @WithDefault("300")
        int pollMillis();

        /**
         * While a node is starting, the next pass runs this soon instead of at the next reconcile tick, so a node is
         * seen ready (and its key read) within this long of it answering, not up to a whole reconcile interval later.
         */
        @WithDefault("150ms")
        Duration startingRecheck();

        /** End node processes when the service shuts down (tests); by default they outlive a restart. */
        @WithDefault("false")
        boolean stopOnShutdown();

        /** Name of the leadership row in the database. */
        @WithDefault("provisioning-local-runtime")
        String leaseName();
    }

    /** The Kubernetes runtime. */
    interface Kubernetes {
        /** Namespace of the ValidatorNode resources and their pods (holds no Secrets); the client's when unset. */
        Optional<String> namespace();

        /** Namespace of the provisioner, chain and heartbeat pods (allowed to reach node RPC); the client's. */
        Optional<String> servicesNamespace();

        /** Namespace of the leader-election Lease; the client's (the provisioner's own) when unset. */
        Optional<String> leaseNamespace();

        /**
         * Node image for ValidatorNodes created for setup requests; it must meet docs/node-image-contract.md
         * ({@code /bin/sh}, the binary with Cosmos SDK {@code init} and {@code start}). Required with this runtime.
         */
        Optional<String> image();

        /** Pull policy of the node image. */
        @WithDefault("IfNotPresent")
        String imagePullPolicy();

        /** The Cosmos SDK binary in the image. */
        @WithDefault("omniphid")
        String binary();

        /** Home directory of the node inside its pod (the data volume is mounted there). */
        @WithDefault("/home/omniphi/.omniphid")
        String home();

        /** Extra arguments for {@code <binary> start} (e.g. the dev node's {@code --chain-rpc}). */
        Optional<List<String>> extraStartArgs();

        /** HTTPS URL of the chain's genesis file, with {@link #genesisSha256()}; the binary's own when unset. */
        Optional<String> genesisUrl();

        /** Lower-case hex SHA-256 of the file at {@link #genesisUrl()}. */
        Optional<String> genesisSha256();

        /** Seeds ({@code id@host:port}) written into new nodes' config.toml. */
        Optional<List<String>> seeds();

        /** Persistent peers ({@code id@host:port}) written into new nodes' config.toml. */
        Optional<List<String>> persistentPeers();

        /** Start new nodes with state sync, trust height and hash derived from the reference RPC. */
        @WithDefault("false")
        boolean stateSyncFromReference();

        /** Minimum gas prices written into new nodes' app.toml, e.g. {@code 0.025omniphi}. */
        Optional<String> minimumGasPrices();

        /** Image of the configure init container: POSIX sh, awk, sha256sum and curl (downloads genesis). */
        @WithDefault("docker.io/curlimages/curl:8.11.1")
        String toolsImage();

        @WithDefault("20Gi")
        String storageSize();

        /** Storage class of the data volume (must support ReadWriteOncePod); the cluster default when unset. */
        Optional<String> storageClass();

        /** How P2P is exposed: {@code LoadBalancer}, {@code NodePort} or {@code ClusterIP}. */
        @WithDefault("LoadBalancer")
        String p2pExposure();

        /** URL the provisioner reads /status from; {name} and {namespace} are replaced. */
        @WithDefault("http://{name}-rpc.{namespace}.svc:26657")
        String statusUrlTemplate();

        /** Lease object used for leader election among provisioner replicas. */
        @WithDefault("omniphi-provisioning-leader")
        String leaseName();

        @WithDefault("15s")
        Duration leaseDuration();

        @WithDefault("10s")
        Duration renewDeadline();

        @WithDefault("2s")
        Duration retryPeriod();

        /**
         * How long a node pod's image pull may keep failing (ErrImagePull, ImagePullBackOff) before the node is
         * failed: the kubelet retries on its own, and a registry may be briefly unreachable or rate limiting.
         */
        @WithDefault("2m")
        Duration imagePullGrace();

        /**
         * Full pass over every node from the database, a safety net behind the watches (which drive reconciles);
         * costs no API calls (reads come from the informer caches).
         */
        @WithDefault("10m")
        Duration resyncInterval();

        /** How often a node still provisioning is looked at again (its pod and /status) between watch events. */
        @WithDefault("2s")
        Duration provisioningRequeue();

        /** Minimum time between two writes of a healthy node's latestHeight to its ValidatorNode status. */
        @WithDefault("1m")
        Duration statusHeightInterval();
    }
}
