package network.omniphi.gateway.domain.auth;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/** Port: durable store of issued login challenges. */
public interface LoginNonces {

    Uni<Void> save(LoginChallenge challenge);

    /**
     * Atomically removes the challenge with this nonce if it was issued to {@code walletAddress} with exactly
     * {@code message}; answers its expiry, or null when there is no such challenge (unknown, used, or another's).
     */
    Uni<Instant> consume(String nonce, String walletAddress, String message);

    /** Deletes challenges that expired before {@code cutoff}; answers how many. */
    Uni<Integer> purgeExpired(Instant cutoff);
}
