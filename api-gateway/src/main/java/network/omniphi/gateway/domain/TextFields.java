package network.omniphi.gateway.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import network.omniphi.commons.error.FieldError;
import network.omniphi.commons.text.DisplayText;

/**
 * Rules of the free-text fields of the public API: UTF-8 byte limits of x/staking {@code Description} (cosmos-sdk
 * v0.50 {@code x/staking/types/validator.go}: moniker 70, identity 3000, website 140, security contact 140, details
 * 280), the characters {@link DisplayText} allows, websites as absolute http(s) URLs and identities as Keybase ids.
 */
public final class TextFields {

    /**
     * A Keybase identity as validators publish it in {@code Description.identity}: the 64-bit key suffix, 16 hex
     * digits (explorers look up {@code keybase.io/_/api/1.0/user/lookup.json?key_suffix=<identity>}).
     */
    private static final Pattern KEYBASE_ID = Pattern.compile("[0-9A-Fa-f]{16}");

    private TextFields() {
    }

    /** Byte limit and allowed characters of an optional text; null passes. */
    public static void check(String field, String value, int maxBytes, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            errors.add(new FieldError(field, "must be at most " + maxBytes + " UTF-8 bytes (is " + bytes + ")"));
        }
        String problem = DisplayText.problem(value);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }

    /**
     * An optional website: empty, or an absolute {@code http}/{@code https} URL with a host and no user info (so
     * {@code javascript:alert(1)}, {@code data:...}, {@code //host} and {@code https://user@host} are refused).
     */
    public static void checkWebsite(String field, String value, int maxBytes, List<FieldError> errors) {
        int before = errors.size();
        check(field, value, maxBytes, errors);
        if (value == null || value.isEmpty() || errors.size() > before) {
            return;
        }
        if (!isHttpUrl(value)) {
            errors.add(new FieldError(field, "must be an absolute http(s) URL such as https://example.org"));
        }
    }

    /** An optional identity: empty, or a 16-hex-digit Keybase id. */
    public static void checkIdentity(String field, String value, List<FieldError> errors) {
        if (value != null && !value.isEmpty() && !KEYBASE_ID.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be a Keybase id of 16 hex digits (the key suffix)"));
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null && !uri.isOpaque();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
