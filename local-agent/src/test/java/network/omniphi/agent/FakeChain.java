package network.omniphi.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** The chain's CometBFT {@code /status} that the dev node follows, at a fixed height. */
final class FakeChain implements AutoCloseable {

    static final long HEIGHT = 500;
    private final HttpServer server;

    FakeChain() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/status", ex -> {
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":{\"sync_info\":{\"latest_block_height\":\""
                    + HEIGHT + "\",\"latest_block_time\":\"2026-12-03T10:00:00Z\",\"catching_up\":false}}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
