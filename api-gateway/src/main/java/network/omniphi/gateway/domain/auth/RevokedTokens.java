package network.omniphi.gateway.domain.auth;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Port: the access tokens revoked by logout. {@link #revoke} is durable before it completes and takes effect at once
 * on the replica that ran it; {@link #isRevoked} is answered from memory (it runs on every authenticated request), so
 * other replicas learn of a revocation within their refresh interval.
 */
public interface RevokedTokens {

    Uni<Void> revoke(VerifiedToken token);

    boolean isRevoked(UUID jti);
}
