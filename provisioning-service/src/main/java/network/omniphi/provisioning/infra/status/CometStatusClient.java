package network.omniphi.provisioning.infra.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.omniphi.commons.net.NodeEndpointPolicy;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.NodeStatusReader;
import network.omniphi.provisioning.domain.StatusReading;

/**
 * Reads CometBFT {@code /status}: the node's consensus key comes from {@code validator_info.pub_key} only (never
 * from a key file). Blocking with short timeouts; called from the reconcile worker. A node's endpoint is fetched only
 * if {@link NodeEndpointPolicy} admits it; the reference node is the operator's own configuration.
 */
@ApplicationScoped
public class CometStatusClient implements NodeStatusReader {

    private static final Logger LOG = Logger.getLogger(CometStatusClient.class);
    private static final String ED25519 = "tendermint/PubKeyEd25519";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ObjectMapper json;
    private final String referenceRpc;
    private final NodeEndpointPolicy policy;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public CometStatusClient(ObjectMapper json, ProvisioningConfig config, NodeEndpointPolicy policy) {
        this.json = json;
        this.referenceRpc = config.referenceRpc();
        this.policy = policy;
    }

    @Override
    public Optional<StatusReading> read(String rpcBaseUrl) {
        if (rpcBaseUrl == null) {
            return Optional.empty();
        }
        URI checked;
        try {
            checked = policy.check(rpcBaseUrl);
        } catch (NodeEndpointPolicy.EndpointRejected e) {
            if (refused.add(rpcBaseUrl)) { // once per endpoint, not on every reconcile pass
                LOG.warnf("not reading node status from %s: %s (omniphi.node-endpoints.*)", rpcBaseUrl,
                        e.getMessage());
            }
            return Optional.empty();
        }
        return status(checked.toString()).map(result -> {
            JsonNode pub = result.path("validator_info").path("pub_key");
            String key = ED25519.equals(pub.path("type").asText()) ? pub.path("value").asText(null) : null;
            return new StatusReading(key, height(result), result.path("sync_info").path("catching_up").asBoolean(true));
        });
    }

    @Override
    public OptionalLong referenceHeight() {
        return status(referenceRpc).map(r -> OptionalLong.of(height(r))).orElse(OptionalLong.empty());
    }

    private Optional<JsonNode> status(String baseUrl) {
        if (baseUrl == null) {
            return Optional.empty();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/status"))
                    .timeout(TIMEOUT).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode result = json.readTree(response.body()).path("result");
            return result.isObject() ? Optional.of(result) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static long height(JsonNode result) {
        return result.path("sync_info").path("latest_block_height").asLong(0);
    }
}
