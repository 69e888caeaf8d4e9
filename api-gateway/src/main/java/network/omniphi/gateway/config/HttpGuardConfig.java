package network.omniphi.gateway.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Edge hygiene ({@code omniphi.gateway.http.*}). */
@ConfigMapping(prefix = "omniphi.gateway.http")
public interface HttpGuardConfig {

    /** Largest request body in bytes answered with problem+json 413 (keep equal to quarkus.http.limits.max-body-size). */
    @WithDefault("131072")
    long maxBodyBytes();

    /** Path prefixes whose answers keep their own Content-Security-Policy (the OpenAPI UI needs scripts). */
    @WithDefault("/docs,/q/")
    List<String> cspExemptPrefixes();

    /** Strict-Transport-Security max-age on HTTPS answers, in seconds. */
    @WithDefault("31536000")
    long hstsMaxAgeSeconds();
}
