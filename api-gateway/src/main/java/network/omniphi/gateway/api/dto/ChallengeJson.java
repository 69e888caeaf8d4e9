package network.omniphi.gateway.api.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code GET /api/v1/auth/challenge}: sign {@code message} (ADR-036) before {@code expiresAt}. */
@Schema(name = "LoginChallenge")
public record ChallengeJson(String nonce, String message, Instant expiresAt) {
}
