package network.omniphi.gateway.domain.heartbeat;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Port: the heartbeat service, which owns heartbeats (DESIGN.md, modules). The gateway forwards public heartbeats to
 * it as they arrived and reads back what it keeps; it never interprets a heartbeat itself.
 */
public interface Heartbeats {

    /**
     * Sends a public heartbeat's body, unparsed, and answers the service's reply as it is. Fails with a
     * {@link network.omniphi.gateway.domain.GatewayException.DownstreamUnavailable} when there is no reply: 502
     * {@code heartbeat-unavailable} (no connection, or the answer was cut off), 503 {@code heartbeat-busy} (too many
     * heartbeats waiting for a connection), 504 {@code heartbeat-timeout}.
     *
     * @param clientIp the caller's address, passed on as X-Forwarded-For (the service rate-limits per client); may be
     *            null
     * @param requestId the caller's X-Request-Id when it is a usable trace id; may be null
     */
    Uni<ForwardedAnswer> forward(byte[] body, String clientIp, String requestId);

    /**
     * The last accepted heartbeat of a consensus key; empty when the service knows none. Fails with a
     * {@link network.omniphi.gateway.domain.GatewayException.DownstreamUnavailable} (503 {@code heartbeat-unavailable},
     * 504 {@code heartbeat-timeout}) when the service does not answer.
     */
    Uni<Optional<LastHeartbeat>> last(String consensusPubkey);

    /**
     * The heartbeat state of every local node of a wallet. Never fails: when the service does not answer quickly the
     * answer is {@link WalletHeartbeats#unknown()}, so a by-wallet read shows its setups without heartbeat state rather
     * than failing.
     */
    Uni<WalletHeartbeats> ofWallet(String walletAddress);
}
