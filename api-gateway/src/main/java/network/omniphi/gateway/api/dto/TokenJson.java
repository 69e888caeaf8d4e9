package network.omniphi.gateway.api.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of a successful login: send {@code Authorization: Bearer <accessToken>} until {@code expiresAt}. */
@Schema(name = "AccessToken")
public record TokenJson(String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "TokenJson[accessToken=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
