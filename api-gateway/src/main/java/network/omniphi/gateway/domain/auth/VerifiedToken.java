package network.omniphi.gateway.domain.auth;

import java.time.Instant;
import java.util.UUID;

/** What a valid access token says: the wallet it was issued to, its unique id ({@code jti}) and its expiry. */
public record VerifiedToken(String walletAddress, UUID jti, Instant expiresAt) {
}
