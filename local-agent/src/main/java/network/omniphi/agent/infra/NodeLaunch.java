package network.omniphi.agent.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.devnode.NodeProcess;

/**
 * The node's command line. By default the devnet's node mode (dev-node's {@code NodeMain start}, the same program
 * the provisioner's local runtime starts) joined to the local stack's devnet, reading the agent's key through
 * {@code --priv-validator-key-file}. With {@code --node-binary} any node program; its arguments may use the
 * placeholders {home}, {keyFile}, {rpcPort}, {p2pPort}, {chainId}, {moniker}.
 */
public record NodeLaunch(String binary, List<String> args, int rpcPort, int p2pPort) {

    public static final String MAIN_CLASS = NodeProcess.MAIN_CLASS;

    public NodeLaunch {
        args = List.copyOf(args);
    }

    /** dev-node from the agent's own class path, with the current JVM. */
    public static NodeLaunch devnetNode(String chainRpc, int rpcPort, int p2pPort) {
        List<String> start = NodeProcess.startCommand().orElseThrow(() -> new AgentException.CannotStart(
                "cannot locate the dev-node jar for the default node; give --node-binary", null));
        List<String> args = new ArrayList<>(start.subList(1, start.size()));
        args.addAll(List.of("--home", "{home}", "--rpc-port", "{rpcPort}", "--p2p-port", "{p2pPort}", "--chain-rpc",
                chainRpc, "--moniker", "{moniker}", "--chain-id", "{chainId}", "--priv-validator-key-file",
                "{keyFile}"));
        return new NodeLaunch(start.get(0), args, rpcPort, p2pPort);
    }

    public List<String> command(Path nodeHome, Path keyFile, String chainId, String moniker) {
        Map<String, String> values = Map.of("{home}", nodeHome.toString(), "{keyFile}", keyFile.toString(),
                "{rpcPort}", Integer.toString(rpcPort), "{p2pPort}", Integer.toString(p2pPort), "{chainId}", chainId,
                "{moniker}", moniker);
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        for (String arg : args) {
            String out = arg;
            for (Map.Entry<String, String> e : values.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
            cmd.add(out);
        }
        return cmd;
    }
}
