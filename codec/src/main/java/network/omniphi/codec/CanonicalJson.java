package network.omniphi.codec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import network.omniphi.codec.JsonStrings.Escaping;

/**
 * Canonical JSON: object keys sorted by code point at every level, no whitespace. Two documents use it:
 * <ul>
 * <li>{@link #aminoSignDoc}: the StdSignDoc of SIGN_MODE_LEGACY_AMINO_JSON (cosmos-sdk v0.50
 * {@code x/tx/signing/aminojson}, sorted and compact; CosmJS {@code @cosmjs/amino} {@code serializeSignDoc}). Amino JSON
 * carries every integer as a string, so the values are strings, maps and lists only (a number is a mistake), and strings
 * are escaped {@link Escaping#GO_HTML_SAFE}.</li>
 * <li>{@link #write}: the suite's own signed documents (link proof, heartbeat; DESIGN.md, docs/heartbeat-protocol.md):
 * also integers in plain decimal, strings escaped like {@code JSON.stringify} ({@link Escaping#ECMASCRIPT}).</li>
 * </ul>
 * The two escapings differ only for {@code & < >} and U+2028/U+2029, which the gateway's and the agent's documents
 * never contain but whose bytes must match CosmJS and the chain in sign docs.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** An amino JSON sign doc: {@link Map} (string keys), {@link List} and {@link String} values only. */
    public static String aminoSignDoc(Object value) {
        StringBuilder out = new StringBuilder(512);
        append(out, value, Escaping.GO_HTML_SAFE, false);
        return out.toString();
    }

    /** A document of {@link Map}, {@link List}, {@link String}, {@link Integer} and {@link Long} values. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value, Escaping.ECMASCRIPT, true);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, Escaping escaping, boolean integers) {
        if (value instanceof String s) {
            JsonStrings.append(out, s, escaping);
        } else if (integers && (value instanceof Long || value instanceof Integer)) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonStrings.append(out, e.getKey(), escaping);
                out.append(':');
                append(out, e.getValue(), escaping, integers);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i), escaping, integers);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("unsupported JSON value " + value);
        }
    }
}
