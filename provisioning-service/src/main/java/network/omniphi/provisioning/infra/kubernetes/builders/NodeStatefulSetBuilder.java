package network.omniphi.provisioning.infra.kubernetes.builders;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

import network.omniphi.provisioning.domain.NodeNames;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

/**
 * The node's StatefulSet (docs/node-image-contract.md): at most one replica (one when running, zero when stopped; a
 * StatefulSet never surges and starts pod {@code -0} again only once the old one is confirmed gone), and a pod of
 * <ol>
 * <li>{@code init-home} (node image): {@code <binary> init <moniker> --chain-id <id> --home <home>}, only when the
 * volume has no consensus key yet, so the key is created once, inside the pod, and reused across restarts and stops;
 * its output is discarded (no log line can carry key material);</li>
 * <li>{@code configure} (tools image): fetches and checks the genesis, writes seeds, peers, state sync, listen
 * addresses, {@code double_sign_check_height} and minimum gas prices into {@code config.toml} / {@code app.toml};</li>
 * <li>{@code node}: {@code <binary> start --home <home>}.</li>
 * </ol>
 * Pod Security {@code restricted}: non-root, no privilege escalation, no capabilities, seccomp {@code RuntimeDefault},
 * read-only root file systems (the home volume and an emptyDir {@code /tmp} are the only writable places), no API
 * token. Settings reach the containers as plain environment variables: none of them is a secret.
 */
public final class NodeStatefulSetBuilder {

    public static final long RUN_AS = 10001L;
    /** Runs the binary's init unless the volume already holds a consensus key; prints nothing of the key. */
    public static final String INIT_SCRIPT = String.join("\n",
            "set -eu",
            "if [ -s \"$NODE_HOME/config/priv_validator_key.json\" ]; then",
            "  echo \"consensus key present on the volume: init skipped\"",
            "  exit 0",
            "fi",
            "status=0",
            "\"$NODE_BINARY\" init \"$NODE_MONIKER\" --chain-id \"$NODE_CHAIN_ID\" --home \"$NODE_HOME\" "
                    + ">/dev/null 2>&1 || status=$?",
            "if [ \"$status\" -ne 0 ] || [ ! -s \"$NODE_HOME/config/priv_validator_key.json\" ]; then",
            "  echo \"$NODE_BINARY init failed (exit $status) or created no consensus key\" >&2",
            "  exit 1",
            "fi",
            "echo \"consensus key created by $NODE_BINARY init\"",
            "");

    private NodeStatefulSetBuilder() {
    }

    /** Built with the configure container's image (the provisioner's tools image). */
    public static StatefulSet build(ValidatorNodeResource cr, String toolsImage) {
        String name = NodeObjects.name(cr);
        return new StatefulSetBuilder().withMetadata(NodeObjects.owned(cr, "node"))
                .withNewSpec()
                .withReplicas(cr.getSpec().running ? 1 : 0)
                .withServiceName(NodeNames.child(name, "rpc"))
                .withPodManagementPolicy("OrderedReady")
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewSelector().withMatchLabels(NodeNames.selector(name)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(NodeObjects.labels(cr)).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(60L)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(RUN_AS).withRunAsGroup(RUN_AS)
                .withFsGroup(RUN_AS).withFsGroupChangePolicy("OnRootMismatch").withNewSeccompProfile()
                .withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .withInitContainers(initHome(cr), NodeConfigure.container(cr, toolsImage))
                .withContainers(node(cr))
                .withVolumes(volumes(cr))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Container initHome(ValidatorNodeResource cr) {
        ValidatorNodeSpec spec = cr.getSpec();
        return new ContainerBuilder().withName("init-home").withImage(spec.image)
                .withImagePullPolicy(pullPolicy(spec))
                .withCommand("/bin/sh", "-c", INIT_SCRIPT)
                .addNewEnv().withName("NODE_BINARY").withValue(spec.binaryOrDefault()).endEnv()
                .addNewEnv().withName("NODE_HOME").withValue(spec.homeOrDefault()).endEnv()
                .addNewEnv().withName("NODE_MONIKER").withValue(spec.moniker).endEnv()
                .addNewEnv().withName("NODE_CHAIN_ID").withValue(spec.chainId).endEnv()
                .withVolumeMounts(homeMounts(spec))
                .withResources(resources(spec.resources))
                .withSecurityContext(restricted())
                .build();
    }

    private static Container node(ValidatorNodeResource cr) {
        ValidatorNodeSpec spec = cr.getSpec();
        List<String> command = new ArrayList<>(List.of(spec.binaryOrDefault(), "start", "--home",
                spec.homeOrDefault()));
        if (spec.extraStartArgs != null) {
            command.addAll(spec.extraStartArgs);
        }
        return new ContainerBuilder().withName("node").withImage(spec.image).withImagePullPolicy(pullPolicy(spec))
                .withCommand(command)
                .withPorts(new ContainerPortBuilder().withName("rpc").withContainerPort(NodeObjects.RPC_PORT).build(),
                        new ContainerPortBuilder().withName("p2p").withContainerPort(NodeObjects.P2P_PORT).build(),
                        new ContainerPortBuilder().withName("grpc").withContainerPort(NodeObjects.GRPC_PORT).build())
                .withVolumeMounts(homeMounts(spec))
                .withResources(resources(spec.resources))
                .withReadinessProbe(httpProbe(10, 3))
                .withLivenessProbe(httpProbe(20, 6))
                // state sync or a large genesis can keep RPC down for a while: up to 30 minutes before liveness
                .withStartupProbe(httpProbe(10, 180))
                .withSecurityContext(restricted())
                .build();
    }

    static String pullPolicy(ValidatorNodeSpec spec) {
        return spec.imagePullPolicy == null ? "IfNotPresent" : spec.imagePullPolicy;
    }

    /** CometBFT serves {@code GET /health} on the RPC port (200 while the node runs, also when catching up). */
    private static Probe httpProbe(int periodSeconds, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath("/health").withPort(new IntOrString("rpc")).endHttpGet()
                .withPeriodSeconds(periodSeconds).withTimeoutSeconds(3).withFailureThreshold(failureThreshold)
                .build();
    }

    static SecurityContext restricted() {
        return new SecurityContextBuilder().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true).withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
    }

    static List<VolumeMount> homeMounts(ValidatorNodeSpec spec) {
        return List.of(new VolumeMountBuilder().withName("home").withMountPath(spec.homeOrDefault()).build(),
                new VolumeMountBuilder().withName("tmp").withMountPath(NodeObjects.TMP_PATH).build());
    }

    private static List<Volume> volumes(ValidatorNodeResource cr) {
        String name = NodeObjects.name(cr);
        List<Volume> volumes = new ArrayList<>(List.of(
                new VolumeBuilder().withName("home").withNewPersistentVolumeClaim()
                        .withClaimName(NodeNames.child(name, "data")).endPersistentVolumeClaim().build(),
                new VolumeBuilder().withName("config").withNewConfigMap().withName(NodeNames.child(name, "config"))
                        .withDefaultMode(0444).endConfigMap().build(),
                new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("256Mi"))
                        .endEmptyDir().build()));
        ValidatorNodeSpec.Genesis genesis = cr.getSpec().genesis;
        if (genesis != null && genesis.configMap != null) {
            volumes.add(new VolumeBuilder().withName("genesis").withNewConfigMap().withName(genesis.configMap.name)
                    .withDefaultMode(0444).endConfigMap().build());
        }
        return volumes;
    }

    static ResourceRequirements resources(ValidatorNodeSpec.NodeResources r) {
        ValidatorNodeSpec.NodeResources res = r == null ? new ValidatorNodeSpec.NodeResources() : r;
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(res.cpuRequest == null ? "250m" : res.cpuRequest))
                .addToRequests("memory", new Quantity(res.memoryRequest == null ? "512Mi" : res.memoryRequest))
                .addToLimits("cpu", new Quantity(res.cpuLimit == null ? "2" : res.cpuLimit))
                .addToLimits("memory", new Quantity(res.memoryLimit == null ? "1Gi" : res.memoryLimit))
                .build();
    }
}
