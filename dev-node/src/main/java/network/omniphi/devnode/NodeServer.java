package network.omniphi.devnode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The running node: CometBFT RPC subset ({@code /status}, {@code /health}) on the RPC port, a chain follower, and
 * accept-and-close listeners on the P2P (and optional gRPC) ports so those ports are really taken.
 */
public final class NodeServer implements AutoCloseable {

    /** Ports and addresses the node serves; 0 picks a free port (tests). */
    /** @param listenHost address to listen on: loopback for the local stack, 0.0.0.0 in a pod */
    public record Settings(String listenHost, int rpcPort, int p2pPort, Integer grpcPort, String chainRpc,
            long pollMillis) {
    }

    private final NodeHome home;
    private final Settings settings;
    private final ConsensusKey key;
    private final ChainFollower follower;
    private final Voter voter;
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, daemon("follower"));
    private HttpServer http;

    public NodeServer(NodeHome home, Settings settings) {
        this.home = home;
        this.settings = settings;
        this.key = home.consensusKey();
        this.follower = new ChainFollower(settings.chainRpc(), 0);
        this.voter = new Voter(settings.chainRpc(), home.chainId(), home::validatorKeyJson, key.publicKeyBase64());
    }

    public void start() throws IOException {
        InetAddress loopback = settings.listenHost() == null
                ? InetAddress.getLoopbackAddress()
                : InetAddress.getByName(settings.listenHost());
        listeners.add(acceptAndClose(new ServerSocket(settings.p2pPort(), 50, loopback), "p2p"));
        if (settings.grpcPort() != null) {
            listeners.add(acceptAndClose(new ServerSocket(settings.grpcPort(), 50, loopback), "grpc"));
        }
        http = HttpServer.create(new InetSocketAddress(loopback, settings.rpcPort()), 50);
        http.createContext("/status", ex -> answer(ex, status()));
        http.createContext("/health", ex -> answer(ex, envelope(Map.of())));
        http.setExecutor(Executors.newFixedThreadPool(2, daemon("rpc")));
        http.start();
        scheduler.scheduleWithFixedDelay(() -> {
            follower.poll();
            voter.vote(follower.snapshot());
        }, 0, settings.pollMillis(), TimeUnit.MILLISECONDS);
    }

    public int rpcPort() {
        return http.getAddress().getPort();
    }

    public int p2pPort() {
        return listeners.get(0).getLocalPort();
    }

    Map<String, Object> status() {
        ChainFollower.Snapshot sync = follower.snapshot();
        Map<String, Object> nodeInfo = new LinkedHashMap<>();
        nodeInfo.put("id", home.nodeKey().nodeId());
        nodeInfo.put("listen_addr", "tcp://127.0.0.1:" + p2pPort());
        nodeInfo.put("network", home.chainId());
        nodeInfo.put("moniker", home.moniker());
        Map<String, Object> syncInfo = new LinkedHashMap<>();
        syncInfo.put("latest_block_height", Long.toString(sync.height()));
        syncInfo.put("latest_block_time", sync.blockTime());
        syncInfo.put("catching_up", sync.catchingUp());
        Map<String, Object> validator = new LinkedHashMap<>();
        validator.put("address", key.address());
        validator.put("pub_key", key.publicKeyJson());
        validator.put("voting_power", "0");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("node_info", nodeInfo);
        result.put("sync_info", syncInfo);
        result.put("validator_info", validator);
        return envelope(result);
    }

    private static Map<String, Object> envelope(Map<String, Object> result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", -1);
        body.put("result", result);
        return body;
    }

    private static void answer(HttpExchange exchange, Map<String, Object> body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ServerSocket acceptAndClose(ServerSocket socket, String name) {
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket ignored = socket.accept()) {
                    // a dev node does not gossip; taking the connection proves the port is live
                } catch (IOException e) {
                    // closed on shutdown, or a peer reset: keep listening until closed
                }
            }
        }, "dev-node-" + name);
        t.setDaemon(true);
        t.start();
        return socket;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "dev-node-" + name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (http != null) {
            http.stop(0);
        }
        for (ServerSocket socket : listeners) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
