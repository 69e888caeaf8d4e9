package network.omniphi.commons.text;

/**
 * The characters a user-supplied text (moniker, description, website, identity, security contact) may hold, one rule
 * for every service so that nothing the gateway accepts is refused later (the provisioner checks monikers with this
 * same class).
 *
 * <p>
 * Refused: lone surrogates (not Unicode text); control characters, category Cc (C0 U+0000-U+001F including tab and
 * newline, DEL, C1 U+0080-U+009F); format characters, category Cf (invisible and bidi controls such as U+200B-U+200F,
 * U+202A-U+202E, U+2066-U+2069, U+FEFF, U+00AD), which let a name look like another; and the line and paragraph
 * separators U+2028/U+2029. The separators and the control characters are refused because the amino JSON sign doc the
 * wallet signs must be byte-identical on both sides, and JSON encoders disagree on them: Go's encoding/json (used by
 * cosmos-sdk x/tx {@code signing/aminojson}, v0.50) writes U+2028/U+2029 as six-character backslash-u escapes and
 * (before Go 1.22) backspace and form feed as backslash-u escapes too, while JavaScript's {@code JSON.stringify}
 * (CosmJS {@code serializeSignDoc}) writes the separators raw and those two as short escapes; control characters
 * also break config files and logs further down.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** Null when every character of {@code value} is allowed, else what is wrong (for {@code errors[].message}). */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length();) {
            int cp = value.codePointAt(i);
            if (Character.isSurrogate((char) cp) && Character.charCount(cp) == 1) {
                return "must be valid Unicode text (it has a lone surrogate)";
            }
            String reason = refusal(cp);
            if (reason != null) {
                return "must not contain " + reason + " (" + codePoint(cp) + ")";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** True when {@link #problem(String)} finds nothing. */
    public static boolean isAllowed(String value) {
        return problem(value) == null;
    }

    private static String refusal(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> "control characters";
            case Character.FORMAT -> "invisible or bidirectional format characters";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "line or paragraph separators";
            default -> null;
        };
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
