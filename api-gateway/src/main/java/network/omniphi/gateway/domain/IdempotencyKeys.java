package network.omniphi.gateway.domain;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Persistence port of the Idempotency-Key records of setup creation (one per keyed setup). */
public interface IdempotencyKeys {

    /** A recorded key: the fingerprint of the request that used it first and the setup that request created. */
    record Recorded(String fingerprint, UUID setupRequestId) {
    }

    /** The record of {@code key} for {@code walletAddress}, or null. Reads outside any transaction. */
    Uni<Recorded> find(String walletAddress, String key);

    /**
     * Records {@code key} for the setup just inserted, inside the caller's transaction; fails with
     * {@link GatewayException.SetupConflict} when a concurrent request recorded the same key first.
     */
    Uni<Void> record(String walletAddress, String key, String fingerprint, UUID setupRequestId);
}
