package network.omniphi.provisioning.infra.kubernetes.builders;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

/**
 * The {@code configure} init container: runs {@code configure.sh} from the node's ConfigMap with the spec's settings
 * in its environment (none secret). It writes them into the files the binary reads and refuses to let the node start
 * with a genesis whose SHA-256 differs from the spec's.
 */
final class NodeConfigure {

    private NodeConfigure() {
    }

    static Container container(ValidatorNodeResource cr, String toolsImage) {
        ValidatorNodeSpec spec = cr.getSpec();
        List<VolumeMount> mounts = new ArrayList<>(NodeStatefulSetBuilder.homeMounts(spec));
        mounts.add(new VolumeMountBuilder().withName("config").withMountPath(NodeObjects.CONFIG_PATH)
                .withReadOnly(true).build());
        if (spec.genesis != null && spec.genesis.configMap != null) {
            mounts.add(new VolumeMountBuilder().withName("genesis").withMountPath(NodeObjects.GENESIS_PATH)
                    .withReadOnly(true).build());
        }
        return new ContainerBuilder().withName("configure").withImage(toolsImage).withImagePullPolicy("IfNotPresent")
                .withCommand("/bin/sh", NodeObjects.CONFIG_PATH + "/" + NodeConfigMapBuilder.SCRIPT_KEY)
                .withEnv(env(spec))
                .withVolumeMounts(mounts)
                .withNewResources().addToRequests("cpu", new Quantity("50m"))
                .addToRequests("memory", new Quantity("64Mi")).addToLimits("memory", new Quantity("256Mi"))
                .endResources()
                .withSecurityContext(NodeStatefulSetBuilder.restricted())
                .build();
    }

    static List<EnvVar> env(ValidatorNodeSpec spec) {
        List<EnvVar> env = new ArrayList<>();
        add(env, "NODE_HOME", spec.homeOrDefault());
        add(env, "NODE_MONIKER", spec.moniker);
        add(env, "RPC_LADDR", "tcp://0.0.0.0:" + NodeObjects.RPC_PORT);
        add(env, "P2P_LADDR", "tcp://0.0.0.0:" + NodeObjects.P2P_PORT);
        add(env, "GRPC_ADDRESS", "0.0.0.0:" + NodeObjects.GRPC_PORT);
        add(env, "DOUBLE_SIGN_CHECK_HEIGHT", Long.toString(spec.doubleSignCheckHeightOrDefault()));
        add(env, "P2P_SEEDS", join(spec.seeds));
        add(env, "P2P_PERSISTENT_PEERS", join(spec.persistentPeers));
        add(env, "MINIMUM_GAS_PRICES", spec.minimumGasPrices);
        if (spec.genesis != null) {
            add(env, "GENESIS_URL", spec.genesis.url);
            add(env, "GENESIS_SHA256", spec.genesis.sha256);
            if (spec.genesis.configMap != null) {
                String key = spec.genesis.configMap.key == null ? "genesis.json" : spec.genesis.configMap.key;
                add(env, "GENESIS_FILE", NodeObjects.GENESIS_PATH + "/" + key);
            }
        }
        ValidatorNodeSpec.StateSync sync = spec.stateSync;
        if (sync != null && sync.enabled) {
            add(env, "STATE_SYNC_ENABLE", "true");
            add(env, "STATE_SYNC_RPC_SERVERS", join(sync.rpcServers));
            add(env, "STATE_SYNC_TRUST_HEIGHT", sync.trustHeight == null ? null : sync.trustHeight.toString());
            add(env, "STATE_SYNC_TRUST_HASH", sync.trustHash);
            add(env, "STATE_SYNC_TRUST_PERIOD", sync.trustPeriod);
            if (Boolean.TRUE.equals(sync.fromReferenceRpc)) {
                add(env, "STATE_SYNC_REFERENCE_RPC", spec.chainRpc);
            }
        }
        return env;
    }

    private static void add(List<EnvVar> env, String name, String value) {
        if (value != null && !value.isBlank()) {
            env.add(new EnvVarBuilder().withName(name).withValue(value).build());
        }
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
