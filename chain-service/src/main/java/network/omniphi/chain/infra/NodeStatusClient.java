package network.omniphi.chain.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.ChainError;
import network.omniphi.chain.domain.ChainException;
import network.omniphi.chain.domain.port.NodeStatusPort;

/** Reads {@code /status} of a validator node's CometBFT RPC with the JDK's asynchronous HTTP client. */
@ApplicationScoped
public class NodeStatusClient implements NodeStatusPort {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper;

    public NodeStatusClient(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Uni<Long> latestHeight(String rpcEndpoint) {
        String base = rpcEndpoint.endsWith("/") ? rpcEndpoint.substring(0, rpcEndpoint.length() - 1) : rpcEndpoint;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/status")).timeout(TIMEOUT).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(this::height)
                .onFailure(e -> !(e instanceof ChainException)).transform(e -> new ChainException.Unavailable(
                        ChainError.NODE_UNREACHABLE, "node RPC " + base + " is unreachable: " + e.getMessage(), e));
    }

    private long height(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new ChainException.Unavailable(ChainError.NODE_UNREACHABLE,
                    "node /status answered HTTP " + response.statusCode(), null);
        }
        try {
            JsonNode root = mapper.readTree(response.body());
            JsonNode result = root.has("result") ? root.get("result") : root;
            return Long.parseLong(result.path("sync_info").path("latest_block_height").asText());
        } catch (Exception e) {
            throw new ChainException.Unavailable(ChainError.NODE_UNREACHABLE,
                    "node /status has no sync_info.latest_block_height", e);
        }
    }
}
