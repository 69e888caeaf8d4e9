package network.omniphi.agent.cli;

import java.net.URI;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

import network.omniphi.agent.AgentMain;
import network.omniphi.agent.bridge.BridgeServer;
import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.ConsensusKeyPair;
import network.omniphi.agent.infra.AgentHome;
import network.omniphi.agent.infra.AgentLog;
import network.omniphi.agent.infra.AgentState;
import network.omniphi.agent.infra.EncryptedKeyFile;
import network.omniphi.agent.infra.GatewayClient;
import network.omniphi.agent.infra.GatewayTls;
import network.omniphi.agent.infra.NodeLaunch;
import network.omniphi.agent.run.AgentRuntime;
import network.omniphi.agent.run.RunSettings;
import network.omniphi.codec.Bech32;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the one-signer check, then the node, heartbeats and the bridge until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Check that no other machine runs this key, start and supervise the node, send a signed "
        + "heartbeat every interval, and serve the bridge on 127.0.0.1. Stops on Ctrl-C, SIGTERM or "
        + "POST /stop.")
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());

    @Mixin
    HomeOption homeOption;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "${env:OMNIPHI_GATEWAY_URL:-https://localhost:8443}", description = "Gateway base URL (default: $OMNIPHI_GATEWAY_URL, else ${DEFAULT-VALUE}).")
    URI gatewayUrl;

    @Option(names = "--gateway-ca", paramLabel = "FILE", description = "PEM certificate(s) to trust for the gateway "
            + "(default: the local stack's .run/tls/gateway.crt for a localhost gateway, else the system's).")
    Path gatewayCa;

    @Option(names = "--heartbeat-interval", defaultValue = "10s", description = "Heartbeat interval (default: "
            + "${DEFAULT-VALUE}).")
    String heartbeatInterval;

    @Option(names = "--signer-check-grace", defaultValue = "5s", description = "Added to the interval by the "
            + "one-signer check (default: ${DEFAULT-VALUE}).")
    String signerCheckGrace;

    @Option(names = "--max-restart-backoff", defaultValue = "60s", description = "Longest wait before restarting a "
            + "crashed node (default: ${DEFAULT-VALUE}).")
    String maxRestartBackoff;

    @Option(names = "--bridge-port", defaultValue = "15000", description = "Bridge port on 127.0.0.1 (default: "
            + "${DEFAULT-VALUE}).")
    int bridgePort;

    @Option(names = "--portal-origin", paramLabel = "ORIGIN", description = "Browser origin allowed to use the bridge;"
            + " repeatable (default: https://localhost:8443 and http://localhost:5173).")
    List<String> portalOrigins = new ArrayList<>();

    @Option(names = "--wallet", paramLabel = "omni1...", description = "Wallet the heartbeats name (default: the one "
            + "of the last link proof).")
    String wallet;

    @Option(names = "--node-binary", paramLabel = "FILE", description = "Node program (default: the dev node "
            + "shipped with the agent).")
    String nodeBinary;

    @Option(names = "--node-arg", paramLabel = "ARG", description = "Argument of --node-binary, repeatable; "
            + "placeholders {home} {keyFile} {rpcPort} {p2pPort} {chainId} {moniker}.")
    List<String> nodeArgs = new ArrayList<>();

    @Option(names = "--node-rpc-port", defaultValue = "28657", description = "Node's local RPC port (default: "
            + "${DEFAULT-VALUE}).")
    int nodeRpcPort;

    @Option(names = "--node-p2p-port", defaultValue = "28656", description = "Node's P2P port (default: "
            + "${DEFAULT-VALUE}).")
    int nodeP2pPort;

    @Option(names = "--chain-rpc", defaultValue = "http://127.0.0.1:26657", description = "Chain RPC the default "
            + "dev node follows (default: ${DEFAULT-VALUE}).")
    String chainRpc;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AgentHome home = homeOption.home();
        String keyFile = home.readKeyFile();
        AgentState state = AgentState.load(home);
        RunSettings settings = settings();
        home.createDirectories();
        FileLock lock = home.lock();
        AgentLog.toHome(home);
        char[] passphrase = Passphrases.existing("the consensus key in " + home.root());
        ConsensusKeyPair key;
        try {
            key = EncryptedKeyFile.open(keyFile, passphrase, "the consensus key file");
        } finally {
            Passphrases.wipe(passphrase);
        }
        try {
            return run(home, key, state, settings);
        } finally {
            key.destroy();
            lock.release();
            lock.channel().close();
        }
    }

    private int run(AgentHome home, ConsensusKeyPair key, AgentState state, RunSettings settings)
            throws InterruptedException {
        GatewayClient gateway = new GatewayClient(gatewayUrl, GatewayTls.context(caFile()), Duration.ofSeconds(5));
        AgentRuntime runtime = new AgentRuntime(home, key, state, settings, gateway, Clock.systemUTC());
        LOG.info(() -> "agent for consensus key " + key.publicKeyBase64() + " (home " + home.root() + ", gateway "
                + gateway.base() + ")");
        runtime.checkOneSigner();
        try (BridgeServer bridge = new BridgeServer(runtime, settings.bridgePort(), settings.portalOrigins())) {
            Thread hook = new Thread(runtime::stop, "omniphi-agent-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            runtime.start();
            bridge.start();
            runtime.awaitStop();
            LOG.info("agent stopped");
            return 0;
        } catch (RuntimeException e) {
            runtime.stop();
            throw e;
        }
    }

    private Path caFile() {
        if (gatewayCa != null) {
            return gatewayCa;
        }
        Path location = null;
        try {
            location = Path.of(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            // native image or unusual class loader: only the working directory and OMNIPHI_RUN_DIR are searched
        }
        Optional<Path> dev = GatewayTls.findDevCertificate(gatewayUrl, location);
        dev.ifPresent(p -> LOG.info(() -> "trusting the local stack's gateway certificate " + p));
        return dev.orElse(null);
    }

    private RunSettings settings() {
        if (wallet != null) {
            if (Bech32.addressBytes(wallet, "omni").isEmpty()) {
                throw new AgentException.BadInput("--wallet must be a bech32 omni1... account address");
            }
        }
        for (int port : new int[]{bridgePort, nodeRpcPort, nodeP2pPort}) {
            if (port < 1 || port > 65535) {
                throw new AgentException.BadInput("ports must be 1-65535");
            }
        }
        if (!"https".equals(gatewayUrl.getScheme()) && !"http".equals(gatewayUrl.getScheme())) {
            throw new AgentException.BadInput("--gateway must be an http(s) URL");
        }
        NodeLaunch launch = nodeBinary == null
                ? NodeLaunch.devnetNode(chainRpc, nodeRpcPort, nodeP2pPort)
                : new NodeLaunch(nodeBinary, nodeArgs, nodeRpcPort, nodeP2pPort);
        List<String> origins = portalOrigins.isEmpty()
                ? List.of("https://localhost:8443", "http://localhost:5173")
                : portalOrigins;
        return new RunSettings(launch, Settings.duration(heartbeatInterval, "--heartbeat-interval"),
                Settings.duration(signerCheckGrace, "--signer-check-grace"),
                Settings.duration(maxRestartBackoff, "--max-restart-backoff"), bridgePort, origins, wallet);
    }
}
