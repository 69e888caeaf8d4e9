package network.omniphi.heartbeat.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.config.HeartbeatConfig;
import network.omniphi.heartbeat.domain.HeartbeatException;
import network.omniphi.heartbeat.domain.HeartbeatReads;
import network.omniphi.heartbeat.domain.StoredHeartbeat;
import network.omniphi.heartbeat.domain.WalletAddresses;

/**
 * Internal reads for the gateway (not routed publicly). {@code stale} is computed at read time from
 * {@code lastSeen} and {@code omniphi.heartbeat.stale-after}, so it flips exactly when the configured time passes.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InternalHeartbeatResource {

    private final HeartbeatReads reads;
    private final HeartbeatConfig config;
    private final Clock clock;

    public InternalHeartbeatResource(HeartbeatReads reads, HeartbeatConfig config, Clock clock) {
        this.reads = reads;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/heartbeats")
    public Uni<List<HeartbeatView>> byWallet(@QueryParam("walletAddress") String walletAddress) {
        if (walletAddress == null || walletAddress.isBlank()) {
            return Uni.createFrom().failure(new HeartbeatException.InvalidQuery("walletAddress", "is required"));
        }
        if (!WalletAddresses.isValid(walletAddress)) {
            return Uni.createFrom()
                    .failure(new HeartbeatException.InvalidQuery("walletAddress", "must be a bech32 omni1... address"));
        }
        Instant staleBefore = clock.instant().minus(config.staleAfter());
        return reads.byWallet(walletAddress).map(rows -> rows.stream().map(row -> view(row, staleBefore)).toList());
    }

    /**
     * The last accepted heartbeat of one consensus key (the local agent's one-signer check, through the gateway's
     * public {@code GET /api/v1/validators/heartbeat}): the signed timestamp as the node sent it and the server's
     * receive time. 404 {@code heartbeat-not-found} when none is stored.
     */
    @GET
    @Path("/heartbeats/by-key")
    public Uni<LastHeartbeat> byKey(@QueryParam("consensusPubkey") String consensusPubkey) {
        if (consensusPubkey == null || consensusPubkey.isEmpty()) {
            return Uni.createFrom().failure(new HeartbeatException.InvalidQuery("consensusPubkey", "is required"));
        }
        if (HeartbeatRequestParser.decode(consensusPubkey, 32).isEmpty()) {
            return Uni.createFrom().failure(new HeartbeatException.InvalidQuery("consensusPubkey",
                    "must be the standard base64 of a 32-byte ed25519 public key"));
        }
        return reads.byKey(consensusPubkey).onItem().ifNull().failWith(HeartbeatException.NotFound::new)
                .map(row -> new LastHeartbeat(row.consensusPubkey(), row.heartbeatTsText(), row.lastSeen()));
    }

    /** The answer of {@code by-key}. */
    public record LastHeartbeat(String consensusPubkey, String lastHeartbeatTimestamp, Instant lastReceivedAt) {
    }

    /** An endpoint that does nothing: the benchmark's baseline for the cost of the HTTP stack itself. */
    @GET
    @Path("/ping")
    @Produces(MediaType.TEXT_PLAIN)
    @NonBlocking
    public String ping() {
        return "pong";
    }

    private static HeartbeatView view(StoredHeartbeat row, Instant staleBefore) {
        return new HeartbeatView(row.walletAddress(), row.consensusPubkey(), row.setupRequestId(), row.firstSeen(),
                row.lastSeen(), row.blockHeight(), row.uptimeSeconds(), row.localRpcPort(), row.localP2pPort(),
                row.staleAt(staleBefore), row.heightStalled());
    }
}
