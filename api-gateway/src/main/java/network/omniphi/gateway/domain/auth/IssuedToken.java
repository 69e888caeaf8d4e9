package network.omniphi.gateway.domain.auth;

import java.time.Instant;

/** An access token and the instant it stops being accepted. */
public record IssuedToken(String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[accessToken=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
