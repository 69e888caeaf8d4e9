package network.omniphi.provisioning;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake chain RPC for tests: {@code /status} with a height that grows by one on every read. Serves as the
 * reference RPC and as the chain local nodes follow. Also answers as a node's /status for the Kubernetes tests
 * (validator_info with a fixed key), so a pod made ready in the mock API server has a /status to read.
 */
public class FakeChain implements QuarkusTestResourceLifecycleManager {

    public static final String NODE_PUBKEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    public static final AtomicLong HEIGHT = new AtomicLong(1000);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", ex -> {
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
