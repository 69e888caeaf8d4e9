package network.omniphi.provisioning;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import network.omniphi.provisioning.domain.NodeNames;

/**
 * A fake chain RPC for tests: {@code /status} with a height that grows by one on every read. Serves as the
 * reference RPC and as the chain local nodes follow. Also answers as a node's /status for the Kubernetes tests
 * (validator_info with a fixed key), so a pod made ready in the mock API server has a /status to read; nodes of
 * setups whose id starts with {@link #SILENT_SETUP_PREFIX} get no answer (503), like a node whose RPC never comes up.
 */
public class FakeChain implements QuarkusTestResourceLifecycleManager {

    public static final String NODE_PUBKEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    public static final AtomicLong HEIGHT = new AtomicLong(1000);
    public static final String SILENT_SETUP_PREFIX = "silent-";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", ex -> {
            if (ex.getRequestURI().getPath().startsWith("/" + NodeNames.PREFIX + SILENT_SETUP_PREFIX)) {
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            long height = HEIGHT.incrementAndGet();
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":{\"node_info\":{\"network\":\"omniphi-devnet-1\"},"
                    + "\"sync_info\":{\"latest_block_height\":\"" + height + "\",\"latest_block_time\":"
                    + "\"2026-11-25T10:00:00Z\",\"catching_up\":false},\"validator_info\":{\"address\":\"AB\","
                    + "\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\"" + NODE_PUBKEY + "\"},"
                    + "\"voting_power\":\"0\"}}}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("omniphi.provisioning.reference-rpc", url,
                "omniphi.provisioning.kubernetes.status-url-template", url + "/{name}");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
