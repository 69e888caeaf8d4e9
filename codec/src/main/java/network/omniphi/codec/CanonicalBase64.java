package network.omniphi.codec;

import java.util.Base64;
import java.util.Optional;

/**
 * Canonical base64 (RFC 4648 section 4, standard alphabet, padded): the text decodes to exactly the expected number of
 * bytes and re-encodes to the same text, so non-zero pad bits, missing padding and line breaks are refused. Keys and
 * signatures that are signed over or compared as text must have exactly one spelling.
 */
public final class CanonicalBase64 {

    private CanonicalBase64() {
    }

    /** The bytes of {@code text} if it is the canonical base64 of exactly {@code size} bytes; otherwise empty. */
    public static Optional<byte[]> decode(String text, int size) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (bytes.length == size && Base64.getEncoder().encodeToString(bytes).equals(text)) {
                return Optional.of(bytes);
            }
        } catch (IllegalArgumentException e) {
            // not base64 at all: the same answer
        }
        return Optional.empty();
    }
}
