package network.omniphi.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Wallet login and access tokens ({@code omniphi.gateway.auth.*}). */
@ConfigMapping(prefix = "omniphi.gateway.auth")
public interface AuthConfig {

    /** {@code iss} of issued tokens; tokens with another issuer are refused. */
    @WithDefault("https://omniphi.network/gateway")
    String issuer();

    /**
     * The deployment environment ({@code production}, {@code devnet}, {@code local}, ...): named in the challenge
     * message and, by default, part of the token audience, so a token or signature of one environment is refused by
     * another even if they shared a signing key.
     */
    @WithDefault("local")
    String environment();

    /**
     * {@code aud} of issued tokens, checked on every request (a token for another audience is 401 token-invalid).
     * application.properties sets it to {@code omniphi-api/<environment>}.
     */
    @WithDefault("omniphi-api/local")
    String audience();

    /** The URI users sign in to, named in the challenge message (the public address of the portal/API). */
    @WithDefault("https://omniphi.network")
    String uri();

    /**
     * How often each replica reads the tokens other replicas revoked: a token logged out on one replica is refused
     * there at once and on every other replica within this interval (plus one database round trip).
     */
    @WithDefault("5s")
    Duration revocationRefresh();

    /** Lifetime of an access token. */
    @WithDefault("PT15M")
    Duration tokenTtl();

    /** Lifetime of a login challenge (single use). */
    @WithDefault("PT5M")
    Duration challengeTtl();

    /** Clock skew tolerated when checking {@code exp}/{@code iat}. */
    @WithDefault("PT30S")
    Duration clockSkew();

    /** The name the challenge message shows as asking for the signature. */
    @WithDefault("omniphi.network")
    String domain();

    /** PEM (PKCS#8) RSA private key that signs tokens; its kid is its RFC 7638 thumbprint. */
    Path signingKey();

    /** PEM public keys of previous signing keys, still accepted for verification during a rotation. */
    Optional<List<Path>> previousPublicKeys();

    /** How often expired login challenges are deleted (read by the scheduler of PgLoginNonces). */
    @WithDefault("5m")
    String purgeInterval();

    /** Generate the signing key (0600) when the file is missing: local stack and tests only. */
    @WithDefault("false")
    boolean generateSigningKey();
}
