package network.omniphi.heartbeat.infra;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;

import network.omniphi.heartbeat.config.HeartbeatConfig;
import network.omniphi.heartbeat.domain.ChainHeightPort;

/**
 * Reads {@code sync_info.latest_block_height} from CometBFT {@code GET /status} (JSON-RPC envelope or bare result).
 * Any failure - connection refused, timeout, non-200, unexpected body - yields an empty height.
 */
@ApplicationScoped
public class CometRpcChainClient implements ChainHeightPort {

    private static final Logger LOG = Logger.getLogger(CometRpcChainClient.class);

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final HeartbeatConfig config;

    public CometRpcChainClient(Vertx vertx, ObjectMapper mapper, HeartbeatConfig config) {
        this.client = vertx.createHttpClient();
        this.mapper = mapper;
        this.config = config;
    }

    @Override
    public Uni<Optional<Long>> latestHeight() {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(config.chainRpc().replaceAll("/+$", "") + "/status")
                .setConnectTimeout(config.liveness().chainTimeout().toMillis());
        return client.request(options)
                .flatMap(request -> request.send())
                .flatMap(this::body)
                .map(this::height)
                .ifNoItem().after(config.liveness().chainTimeout()).fail()
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("chain status unavailable: %s", e.getMessage());
                    return Optional.empty();
                });
    }

    private Uni<Buffer> body(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            return response.body().flatMap(ignored -> Uni.createFrom()
                    .failure(new IllegalStateException("chain status answered " + response.statusCode())));
        }
        return response.body();
    }

    private Optional<Long> height(Buffer body) {
        try {
            JsonNode root = mapper.readTree(body.getBytes());
            JsonNode result = root.has("result") ? root.get("result") : root;
            JsonNode height = result.path("sync_info").path("latest_block_height");
            if (height.isTextual() && height.asText().matches("\\d{1,18}")) {
                return Optional.of(Long.parseLong(height.asText()));
            }
            return height.canConvertToLong() ? Optional.of(height.asLong()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
