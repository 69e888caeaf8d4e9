package network.omniphi.gateway.domain.auth;

import java.time.Instant;

/** A single-use login challenge: the wallet must sign {@code message}, which carries {@code nonce}. */
public record LoginChallenge(String nonce, String walletAddress, String message, Instant expiresAt) {
}
