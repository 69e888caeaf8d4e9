package network.omniphi.gateway.api;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.infra.HeartbeatServiceClient;

/**
 * Heartbeat state for by-wallet answers, read from the heartbeat service. When that service does not answer in time
 * the answer carries no heartbeat rather than failing the whole request.
 */
@ApplicationScoped
public class HeartbeatView {

    private static final Logger LOG = Logger.getLogger(HeartbeatView.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HeartbeatServiceClient client;

    public HeartbeatView(@RestClient HeartbeatServiceClient client) {
        this.client = client;
    }

    public Uni<Lookup> forWallet(String walletAddress) {
        return client.byWallet(walletAddress)
                .ifNoItem().after(TIMEOUT).fail()
                .map(Lookup::new)
                .onFailure().recoverWithItem(t -> {
                    LOG.debugf("heartbeat service unavailable for by-wallet: %s", t.getMessage());
                    return new Lookup(null);
                });
    }

    /** Heartbeat entries of one wallet. */
    public record Lookup(JsonNode entries) {

        /** The entry of a setup (by setup id, else by consensus key), or null. */
        public JsonNode forSetup(UUID setupId, String consensusPubkey) {
            if (entries == null || !entries.isArray()) {
                return null;
            }
            for (JsonNode e : entries) {
                if (setupId.toString().equals(e.path("setupRequestId").asText(null))) {
                    return e;
                }
            }
            for (JsonNode e : entries) {
                if (consensusPubkey != null && consensusPubkey.equals(e.path("consensusPubkey").asText(null))) {
                    return e;
                }
            }
            return null;
        }
    }
}
