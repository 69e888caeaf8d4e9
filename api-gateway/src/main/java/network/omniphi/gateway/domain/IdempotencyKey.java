package network.omniphi.gateway.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import network.omniphi.commons.error.FieldError;

/**
 * The {@code Idempotency-Key} request header of setup creation, after draft-ietf-httpapi-idempotency-key-header-06
 * (IETF httpapi WG): the value is a Structured Field String (RFC 8941 sf-string, quoted); an unquoted token of the same
 * characters is accepted too, as most clients send one. 1..255 visible ASCII characters.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_CHARS = 255;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_CHARS + "}");

    private IdempotencyKey() {
    }

    /** The key without sf-string quotes, null when the header is absent; a malformed value is a 400 naming the header. */
    public static String parse(String header) {
        if (header == null) {
            return null;
        }
        String v = header.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (!VISIBLE_ASCII.matcher(v).matches() || v.indexOf('"') >= 0 || v.indexOf('\\') >= 0) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError(HEADER,
                    "must be 1.." + MAX_CHARS + " visible ASCII characters without quotes or backslashes")));
        }
        return v;
    }

    /**
     * SHA-256 (hex) over the request as the rules understood it: a retry that differs only in how the commission is
     * written ({@code 0.1}, {@code "0.10"}) is the same request; any other difference is not.
     */
    public static String fingerprint(NewSetup cmd, String resolvedProvider) {
        String commission = cmd.commissionRate() == null
                ? ""
                : new BigDecimal(cmd.commissionRate()).stripTrailingZeros().toPlainString();
        String canonical = String.join("\u0000", nz(cmd.walletAddress()), nz(cmd.validatorName()),
                nz(cmd.website()), nz(cmd.description()), commission, nz(cmd.runMode()), nz(resolvedProvider));
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
