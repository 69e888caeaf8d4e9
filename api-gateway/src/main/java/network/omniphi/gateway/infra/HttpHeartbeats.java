package network.omniphi.gateway.infra;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.heartbeat.ForwardedAnswer;
import network.omniphi.gateway.domain.heartbeat.Heartbeats;
import network.omniphi.gateway.domain.heartbeat.LastHeartbeat;
import network.omniphi.gateway.domain.heartbeat.NodeHeartbeat;
import network.omniphi.gateway.domain.heartbeat.WalletHeartbeats;

/**
 * The heartbeat service over HTTP: public heartbeats go through {@link HeartbeatForwarder} (bytes as they are, pooled
 * Vert.x client), reads through the service's internal JSON endpoints ({@link HeartbeatServiceClient}), whose answers
 * are mapped here onto the domain's records. The reads tolerate fields the service may add later; a reply that lacks a
 * field the gateway needs is a failure of the service, not an empty answer.
 */
@ApplicationScoped
public class HttpHeartbeats implements Heartbeats {

    private static final Logger LOG = Logger.getLogger(HttpHeartbeats.class);
    /** A by-key answer gates a local agent's start: worth waiting for, as long as a forwarded heartbeat. */
    static final Duration LAST_TIMEOUT = Duration.ofSeconds(5);
    /** A by-wallet read shows setups without heartbeat state rather than waiting long for it. */
    static final Duration WALLET_TIMEOUT = Duration.ofSeconds(2);

    private final HeartbeatForwarder forwarder;
    private final HeartbeatServiceClient client;

    HttpHeartbeats(HeartbeatForwarder forwarder, @RestClient HeartbeatServiceClient client) {
        this.forwarder = forwarder;
        this.client = client;
    }

    @Override
    public Uni<ForwardedAnswer> forward(byte[] body, String clientIp, String requestId) {
        return forwarder.forward(body, clientIp, requestId);
    }

    @Override
    public Uni<Optional<LastHeartbeat>> last(String consensusPubkey) {
        return client.lastHeartbeat(consensusPubkey)
                .ifNoItem().after(LAST_TIMEOUT)
                .failWith(() -> new GatewayException.DownstreamUnavailable("heartbeat-timeout",
                        "The heartbeat service did not answer in time.", true, null))
                .map(HttpHeartbeats::lastHeartbeat)
                .onFailure(t -> !(t instanceof GatewayException))
                .transform(t -> new GatewayException.DownstreamUnavailable("heartbeat-unavailable",
                        "The heartbeat service is unavailable.", false, t));
    }

    @Override
    public Uni<WalletHeartbeats> ofWallet(String walletAddress) {
        return client.byWallet(walletAddress)
                .ifNoItem().after(WALLET_TIMEOUT).fail()
                .map(HttpHeartbeats::walletHeartbeats)
                .onFailure().recoverWithItem(t -> {
                    LOG.debugf("heartbeat service gave no by-wallet answer: %s", t.toString());
                    return WalletHeartbeats.unknown();
                });
    }

    static Optional<LastHeartbeat> lastHeartbeat(Response upstream) {
        if (upstream.getStatus() == 404) {
            return Optional.empty();
        }
        if (upstream.getStatus() != 200) {
            throw new IllegalStateException("heartbeat service answered " + upstream.getStatus());
        }
        return Optional.of(lastHeartbeat(upstream.readEntity(JsonNode.class)));
    }

    /** GET /internal/v1/heartbeats/by-key: the service's {@code LastHeartbeat}. */
    static LastHeartbeat lastHeartbeat(JsonNode body) {
        return new LastHeartbeat(text(body, "consensusPubkey"), text(body, "lastHeartbeatTimestamp"),
                instant(body, "lastReceivedAt"));
    }

    /** GET /internal/v1/heartbeats: an array of the service's {@code HeartbeatView}. */
    static WalletHeartbeats walletHeartbeats(JsonNode entries) {
        if (entries == null || !entries.isArray()) {
            throw new IllegalStateException("heartbeat service's by-wallet answer is not an array");
        }
        List<NodeHeartbeat> nodes = new ArrayList<>(entries.size());
        for (JsonNode e : entries) {
            nodes.add(new NodeHeartbeat(text(e, "walletAddress"), text(e, "consensusPubkey"),
                    e.path("setupRequestId").isTextual() ? e.get("setupRequestId").asText() : null,
                    instant(e, "firstSeen"), instant(e, "lastSeen"), number(e, "blockHeight"),
                    number(e, "uptimeSeconds"), Math.toIntExact(number(e, "localRpcPort")),
                    Math.toIntExact(number(e, "localP2pPort")), flag(e, "stale"), flag(e, "heightStalled")));
        }
        return new WalletHeartbeats(nodes);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalStateException("heartbeat service's answer has no text " + field);
        }
        return v.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("heartbeat service's " + field + " is not an RFC 3339 instant", e);
        }
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalStateException("heartbeat service's answer has no whole number " + field);
        }
        return v.asLong();
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalStateException("heartbeat service's answer has no boolean " + field);
        }
        return v.asBoolean();
    }
}
