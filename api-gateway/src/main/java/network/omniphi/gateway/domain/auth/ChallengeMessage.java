package network.omniphi.gateway.domain.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human-readable text a wallet signs to log in, laid out like EIP-4361 (Sign-In with Ethereum): it names the
 * domain asking, the wallet, the URI and the environment the session is for, and carries the nonce and expiry. The
 * gateway stores the exact text it issued and accepts a login only for that text (see docs/auth.md).
 */
public final class ChallengeMessage {

    private static final Pattern NONCE = Pattern.compile("^Nonce: ([0-9a-f]{32})$", Pattern.MULTILINE);

    private ChallengeMessage() {
    }

    public static String render(AuthPolicy policy, String walletAddress, String nonce, Instant issuedAt,
            Instant expiresAt) {
        return policy.domain() + " wants you to sign in with your wallet:\n"
                + walletAddress + "\n\n"
                + "Sign in to the Omniphi Validator Orchestrator. This signature sends no transaction and costs no fee.\n\n"
                + "URI: " + policy.uri() + "\n"
                + "Environment: " + policy.environment() + "\n"
                + "Nonce: " + nonce + "\n"
                + "Issued At: " + issuedAt.truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "Expiration Time: " + expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The nonce a message carries, or null when it carries none. */
    public static String nonceOf(String message) {
        Matcher m = NONCE.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
