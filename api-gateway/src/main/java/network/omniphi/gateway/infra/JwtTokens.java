package network.omniphi.gateway.infra;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

import network.omniphi.gateway.config.AuthConfig;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.auth.IssuedToken;
import network.omniphi.gateway.domain.auth.TokenIssuer;
import network.omniphi.gateway.domain.auth.TokenVerifier;
import network.omniphi.gateway.domain.auth.VerifiedToken;

/**
 * RS256 access tokens: signed with the current key (smallrye-jwt-build, {@code kid} = RFC 7638 thumbprint), verified
 * against the current and the previous public keys (rotation). Issuer, audience, expiry and subject are required.
 * A token verified once is remembered (by its text, for at most a minute and never past its expiry), so a client's
 * next requests cost a map lookup instead of an RSA verification and a JSON parse; the revocation check of a logout
 * stays per request (AccessFilter).
 */
@ApplicationScoped
public class JwtTokens implements TokenIssuer, TokenVerifier {

    static final int VERIFIED_MAX = 10_000;
    static final java.time.Duration VERIFIED_TTL = java.time.Duration.ofMinutes(1);

    private final AuthConfig config;
    private final Clock clock;
    private final PrivateKey signingKey;
    private final String kid;
    private final List<JsonWebKey> verificationKeys = new ArrayList<>();
    /**
     * Tokens whose signature and claims were verified, by their exact text: a signed token's claims never change, so
     * its expiry is all that is left to compare on the next request. Revocation is not cached here (the caller checks
     * it on every request), nor are refusals. Bounded in size and in time, so a token verified once is verified again
     * at least every {@link #VERIFIED_TTL}.
     */
    private final Cache<String, VerifiedToken> verified = Caffeine.newBuilder().maximumSize(VERIFIED_MAX)
            .expireAfterWrite(VERIFIED_TTL).executor(Runnable::run).build();

    public JwtTokens(AuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        KeyPair current = SigningKeys.loadOrCreate(config.signingKey(), config.generateSigningKey());
        this.signingKey = current.getPrivate();
        this.kid = addVerificationKey((RSAPublicKey) current.getPublic());
        config.previousPublicKeys().orElse(List.of()).forEach(p -> addVerificationKey(SigningKeys.loadPublic(p)));
    }

    @Override
    public IssuedToken issue(String walletAddress) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.tokenTtl());
        String token = Jwt.issuer(config.issuer()).subject(walletAddress).audience(config.audience())
                .issuedAt(now.getEpochSecond()).expiresAt(expiresAt.getEpochSecond())
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(signingKey);
        return new IssuedToken(token, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    /** The wallet address (subject) of a valid token; throws {@link GatewayException.Unauthenticated} otherwise. */
    public String verify(String token) {
        return check(token).walletAddress();
    }

    /**
     * Subject, id and expiry of a valid token (signature, issuer, audience of this environment, expiry, a UUID
     * {@code jti}); throws {@link GatewayException.Unauthenticated} otherwise. Revocation is the caller's to check.
     */
    @Override
    public VerifiedToken check(String token) {
        VerifiedToken known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt().plus(config.clockSkew()))) {
                return known;
            }
            verified.invalidate(token);
        }
        VerifiedToken checked = verifySignatureAndClaims(token);
        verified.put(token, checked);
        return checked;
    }

    private VerifiedToken verifySignatureAndClaims(String token) {
        try {
            JwtClaims claims = consumer().processToClaims(token);
            return new VerifiedToken(claims.getSubject(), UUID.fromString(claims.getJwtId()),
                    Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()));
        } catch (IllegalArgumentException e) {
            throw invalid();
        } catch (InvalidJwtException e) {
            if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
                throw new GatewayException.Unauthenticated("token-expired", "The access token expired; log in again.");
            }
            throw invalid();
        } catch (MalformedClaimException e) {
            throw invalid();
        }
    }

    /** The key id tokens are currently signed with. */
    public String currentKeyId() {
        return kid;
    }

    private JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setRequireExpirationTime().setRequireIssuedAt().setRequireSubject().setRequireJwtId()
                .setMaxFutureValidityInMinutes((int) config.tokenTtl().toMinutes() + 1)
                .setExpectedIssuer(config.issuer()).setExpectedAudience(config.audience())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(verificationKeys))
                .build();
    }

    private String addVerificationKey(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        String id = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        jwk.setKeyId(id);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        verificationKeys.add(jwk);
        return id;
    }

    private static GatewayException invalid() {
        return new GatewayException.Unauthenticated("token-invalid", "The access token is not valid.");
    }
}
