package network.omniphi.gateway.domain.auth;

import java.time.Duration;

/**
 * Login settings the domain needs: address prefix, challenge lifetime, and what the challenge message names: the
 * domain asking for the signature, the URI the user signs in to and the environment (e.g. {@code production},
 * {@code devnet}), so that a signature made for one deployment means nothing to another.
 */
public record AuthPolicy(String accountPrefix, Duration challengeTtl, String domain, String uri, String environment) {
}
