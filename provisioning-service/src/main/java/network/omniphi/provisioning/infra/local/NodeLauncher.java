package network.omniphi.provisioning.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import network.omniphi.devnode.NodeProcess;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.ProvisioningException;
import network.omniphi.provisioning.domain.ValidatorNode;

/**
 * Starts {@code java -cp <dev-node jar> network.omniphi.devnode.NodeMain start ...} for a node. The child gets
 * an empty environment (nothing of the provisioner's configuration, credentials included, leaks into it) and
 * writes its output to {@code <home>/node.log}. Its pid is written to {@code <home>/node.pid} so that tools outside the
 * provisioner ({@code ./dev down}) end exactly the node processes this checkout started, never by a name match.
 */
@ApplicationScoped
public class NodeLauncher {

    public static final String MAIN_CLASS = NodeProcess.MAIN_CLASS;
    /** File in a node's home holding the pid of its running process; removed when the node is stopped. */
    public static final String PID_FILE = "node.pid";

    private final ProvisioningConfig config;

    public NodeLauncher(ProvisioningConfig config) {
        this.config = config;
    }

    public Path homeOf(String nodeName) {
        return Path.of(config.local().homeRoot()).toAbsolutePath().normalize().resolve(nodeName);
    }

    public ProcessHandle start(ValidatorNode node, LocalProcess process) {
        Path home = Path.of(process.homeDir());
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = new ProcessBuilder(command(node, process));
            builder.environment().clear();
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("node.log").toFile()));
            ProcessHandle handle = builder.start().toHandle();
            writePidFile(home, handle.pid());
            return handle;
        } catch (IOException e) {
            throw new ProvisioningException.RuntimeUnavailable("cannot start node process: " + e.getMessage(), e);
        }
    }

    /** Removes the pid file of a node whose process has ended. */
    public void clearPidFile(LocalProcess process) {
        try {
            Files.deleteIfExists(Path.of(process.homeDir()).resolve(PID_FILE));
        } catch (IOException e) {
            throw new ProvisioningException.RuntimeUnavailable("cannot remove " + PID_FILE + ": " + e.getMessage(), e);
        }
    }

    private static void writePidFile(Path home, long pid) throws IOException {
        Path tmp = home.resolve(PID_FILE + ".tmp");
        Files.writeString(tmp, pid + "\n");
        Files.move(tmp, home.resolve(PID_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The process of this node if one runs: alive, our main class, this node's home. */
    public Optional<ProcessHandle> adopt(LocalProcess process) {
        if (process.pid() == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive).filter(h -> h.info().commandLine()
                .map(cmd -> cmd.contains(MAIN_CLASS) && cmd.contains(process.homeDir())).orElse(false));
    }

    List<String> command(ValidatorNode node, LocalProcess p) {
        List<String> cmd = new ArrayList<>(NodeProcess.startCommand().orElseThrow(
                () -> new ProvisioningException.RuntimeUnavailable("cannot locate the dev-node jar", null)));
        cmd.addAll(List.of("--home", p.homeDir(),
                "--rpc-port", Integer.toString(p.ports().rpc()),
                "--p2p-port", Integer.toString(p.ports().p2p()),
                "--grpc-port", Integer.toString(p.ports().grpc()),
                "--chain-rpc", config.referenceRpc(),
                "--moniker", node.moniker(),
                "--chain-id", node.chainId(),
                "--poll-ms", Integer.toString(config.local().pollMillis())));
        return cmd;
    }
}
