package network.omniphi.gateway.domain.auth;

/** Port: checks an access token (signature, issuer, audience, expiry); revocation is the caller's to check. */
public interface TokenVerifier {

    /** Subject, id and expiry of a valid token; throws {@code GatewayException.Unauthenticated} otherwise. */
    VerifiedToken check(String token);
}
