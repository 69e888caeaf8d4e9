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
import io.smallrye.mutiny.infrastructure.Infrastructure;

import network.omniphi.chain.domain.ChainError;
import network.omniphi.chain.domain.ChainException;
import network.omniphi.chain.domain.port.NodeStatusPort;
import network.omniphi.commons.net.NodeEndpointPolicy;

/**
 * Reads {@code /status} of a validator node's CometBFT RPC with the JDK's asynchronous HTTP client (which follows no
 * redirects). The endpoint comes from the gateway's record of the node, and is fetched only if
 * {@link NodeEndpointPolicy} admits it (allowed scheme, allowed address ranges, never a metadata address).
 */
@ApplicationScoped
public class NodeStatusClient implements NodeStatusPort {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper;
    private final NodeEndpointPolicy policy;

    public NodeStatusClient(ObjectMapper mapper, NodeEndpointPolicy policy) {
        this.mapper = mapper;
        this.policy = policy;
    }

    @Override
    public Uni<Long> latestHeight(String rpcEndpoint) {
        String base = rpcEndpoint.endsWith("/") ? rpcEndpoint.substring(0, rpcEndpoint.length() - 1) : rpcEndpoint;
        // resolving the host blocks: never on the event loop
        return Uni.createFrom().item(() -> request(base)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(request -> Uni.createFrom()
                        .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())))
                .map(this::height)
                .onFailure(e -> !(e instanceof ChainException)).transform(e -> new ChainException.Unavailable(
                        ChainError.NODE_UNREACHABLE, "node RPC " + base + " is unreachable: " + e.getMessage(), e));
    }

    private HttpRequest request(String base) {
        URI checked;
        try {
            checked = policy.check(base);
        } catch (NodeEndpointPolicy.EndpointRejected e) {
            throw ChainException.Invalid.field("nodeRpcEndpoint", "is not an allowed node endpoint: " + e.getMessage());
        }
        return HttpRequest.newBuilder(URI.create(checked.toString().replaceAll("/+$", "") + "/status")).timeout(TIMEOUT)
                .GET().build();
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
