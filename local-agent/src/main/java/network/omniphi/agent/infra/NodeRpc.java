package network.omniphi.agent.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import network.omniphi.devnode.Json;

/**
 * The node's local CometBFT RPC {@code GET /status} (CometBFT rpc/core/status.go, v0.38): latest block height,
 * catching_up and the validator's public key.
 */
public final class NodeRpc {

    /** What the node reports about itself. */
    public record NodeStatus(long height, boolean catchingUp, String validatorPubkey) {
    }

    private final URI status;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1).build();

    public NodeRpc(int rpcPort) {
        this.status = URI.create("http://127.0.0.1:" + rpcPort + "/status");
    }

    /** The node's status, or empty when it does not answer (starting, crashed, restarting). */
    public Optional<NodeStatus> status() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            Object doc = Json.parse(r.body());
            long height = Long.parseLong(Json.string(doc, "result", "sync_info", "latest_block_height"));
            boolean catchingUp = Boolean.TRUE.equals(Json.at(doc, "result", "sync_info", "catching_up"));
            String pubkey = Json.string(doc, "result", "validator_info", "pub_key", "value");
            return Optional.of(new NodeStatus(height, catchingUp, pubkey));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
