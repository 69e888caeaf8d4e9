package network.omniphi.codec;

/**
 * JSON string literals as the two producers of the documents this suite signs write them. Both escape {@code "} and
 * {@code \}, write {@code \b \f \n \r \t} in their short forms and every other control character below U+0020 as
 * {@code \\u00XX}; they differ in what else they escape (see {@link Escaping}).
 */
public final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Which characters beyond quotes, backslash and control characters are written as {@code \\uXXXX}. */
    public enum Escaping {
        /**
         * Amino JSON sign docs: {@code & < >} as {@code \\u0026 \\u003c \\u003e} and U+2028/U+2029 as {@code \\u2028
         * \\u2029}. This is Go's {@code encoding/json} (encode.go {@code appendString}, Go 1.22+ which writes {@code \b}
         * and {@code \f} short; earlier Go wrote {@code \\u0008 \\u000c}) that cosmos-sdk signs with, and CosmJS
         * {@code @cosmjs/amino} {@code serializeSignDoc} (JSON.stringify, then {@code escapeCharacters} for {@code &
         * < >}). CosmJS leaves U+2028/U+2029 as they are; the chain's (Go's) form is followed, since the chain's
         * verification is what decides.
         */
        GO_HTML_SAFE,
        /**
         * ECMAScript {@code JSON.stringify} (ECMA-262 QuoteJSONString) and Jackson's default: nothing beyond quotes,
         * backslash and control characters. The suite's own signed documents (the consensus-key link proof, DESIGN.md
         * "Local mode key link") and plain JSON files use it.
         */
        ECMASCRIPT
    }

    private JsonStrings() {
    }

    /** The quoted literal of {@code value}. */
    public static String quote(String value, Escaping escaping) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        append(out, value, escaping);
        return out.toString();
    }

    /** Appends the quoted literal of {@code value}. */
    public static void append(StringBuilder out, String value, Escaping escaping) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || escaping == Escaping.GO_HTML_SAFE
                            && (c == '&' || c == '<' || c == '>' || c == '\u2028' || c == '\u2029')) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
