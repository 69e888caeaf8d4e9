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

    /** {@code aud} of issued tokens; tokens without it are refused. */
    @WithDefault("omniphi-api")
    String audience();

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
