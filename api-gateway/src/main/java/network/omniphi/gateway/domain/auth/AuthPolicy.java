package network.omniphi.gateway.domain.auth;

import java.time.Duration;

/** Login settings the domain needs: address prefix, challenge lifetime and the name shown in the message. */
public record AuthPolicy(String accountPrefix, Duration challengeTtl, String domain) {
}
