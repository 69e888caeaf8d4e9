package network.omniphi.devnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the devnet validator node process.
 *
 * <pre>
 *   init  --home DIR --moniker M [--chain-id omniphi-devnet-1]
 *   init  MONIKER --chain-id ID --home DIR                       (Cosmos SDK form, as a ValidatorNode pod runs it)
 *   start --home DIR --rpc-port N --p2p-port N [--grpc-port N] --chain-rpc URL [--moniker M] [--chain-id ID]
 *         [--priv-validator-key-file FILE]
 *   start --home DIR --chain-rpc URL                             (listen addresses from config.toml / app.toml)
 * </pre>
 *
 * {@code --priv-validator-key-file} is CometBFT's {@code priv_validator_key_file} setting: the consensus key is read
 * from that file (which must exist) instead of the home's, and the node never creates one of its own.
 *
 * The Cosmos SDK forms make the dev node meet the ValidatorNode node-image contract
 * (docs/node-image-contract.md), so the Kubernetes runtime runs it exactly as it runs a real chain's binary.
 *
 * Never prints key material: only the validator address and public key.
 */
public final class NodeMain {

    private static final String USAGE = """
            usage: NodeMain init  --home DIR --moniker M [--chain-id ID]
                   NodeMain start --home DIR --rpc-port N --p2p-port N [--grpc-port N] --chain-rpc URL \
            [--moniker M] [--chain-id ID] [--poll-ms N] [--priv-validator-key-file FILE]""";
    private static final long DEFAULT_POLL_MILLIS = 300;

    private NodeMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("missing subcommand");
            }
            switch (args[0]) {
                case "init" -> {
                    boolean positional = args.length > 1 && !args[1].startsWith("--");
                    CommandLine cli = new CommandLine(args, positional ? 2 : 1, Set.of("home", "moniker",
                            "chain-id"));
                    init(cli, positional ? args[1] : cli.required("moniker"));
                }
                case "start" -> start(new CommandLine(args, 1,
                        Set.of("home", "rpc-port", "p2p-port", "grpc-port", "chain-rpc", "moniker", "chain-id",
                                "poll-ms", "priv-validator-key-file")));
                default -> throw new IllegalArgumentException("unknown subcommand " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static NodeHome home(CommandLine cli) {
        String keyFile = cli.optional("priv-validator-key-file", null);
        return new NodeHome(Path.of(cli.required("home")), keyFile == null ? null : Path.of(keyFile));
    }

    /** Listen addresses as CometBFT reads them: [rpc] laddr and [p2p] laddr of config.toml, [grpc] of app.toml. */
    private static NodeServer.Settings fromConfig(NodeHome home, CommandLine cli) {
        java.net.URI rpc = java.net.URI.create(home.setting("config.toml", "rpc", "laddr", "tcp://127.0.0.1:26657"));
        java.net.URI p2p = java.net.URI.create(home.setting("config.toml", "p2p", "laddr", "tcp://0.0.0.0:26656"));
        String grpc = home.setting("app.toml", "grpc", "address", null);
        Integer grpcPort = grpc == null ? null : Integer.valueOf(grpc.substring(grpc.lastIndexOf(':') + 1));
        return new NodeServer.Settings(rpc.getHost(), rpc.getPort(), p2p.getPort(), grpcPort,
                cli.required("chain-rpc"), pollMillis(cli));
    }

    private static long pollMillis(CommandLine cli) {
        return Long.parseLong(cli.optional("poll-ms", Long.toString(DEFAULT_POLL_MILLIS)));
    }

    private static void init(CommandLine cli, String moniker) {
        NodeHome home = home(cli);
        boolean created = home.init(moniker,
                cli.optional("chain-id", NodeHome.DEFAULT_CHAIN_ID));
        ConsensusKey key = home.consensusKey();
        System.out.printf("%s consensus key address=%s pubkey=%s home=%s%n",
                created ? "created" : "kept existing", key.address(), key.publicKeyBase64(), home.root());
    }

    private static void start(CommandLine cli) throws Exception {
        NodeHome home = home(cli);
        if (home.externalKey() && !Files.isRegularFile(home.validatorKeyFile())) {
            throw new IllegalArgumentException("--priv-validator-key-file " + home.validatorKeyFile()
                    + " does not exist (this node never creates a key of its own when given one)");
        }
        if (!home.initialized()) {
            init(cli, cli.optional("moniker", "validator"));
        }
        boolean fromConfig = cli.port("rpc-port", false) == null;
        NodeServer.Settings settings = fromConfig
                ? fromConfig(home, cli)
                : new NodeServer.Settings(null, cli.port("rpc-port", true), cli.port("p2p-port", true),
                        cli.port("grpc-port", false), cli.required("chain-rpc"), pollMillis(cli));
        NodeServer server = new NodeServer(home, settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("node stopped");
            stopped.countDown();
        }, "dev-node-shutdown"));
        server.start();
        System.out.printf("node started rpc=127.0.0.1:%d p2p=127.0.0.1:%d address=%s%n", server.rpcPort(),
                server.p2pPort(), home.consensusKey().address());
        stopped.await();
    }
}
