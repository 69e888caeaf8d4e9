package network.omniphi.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a SIGN_MODE_LEGACY_AMINO_JSON StdSignDoc that do not depend on the message, as cosmos-sdk v0.50
 * {@code x/tx/signing/aminojson} renders them ({@code aminojson.go} {@code AminoSignDoc}; CosmJS
 * {@code @cosmjs/amino} {@code makeSignDoc}): integers as decimal strings, {@code account_number}, {@code chain_id},
 * {@code fee} ({@code amount}, {@code gas}), {@code memo}, {@code msgs} and {@code sequence} always present
 * ({@code dont_omitempty}), {@code timeout_height} only when set, empty optional strings omitted. The message values
 * are each caller's own model; {@link #json} writes the whole document as {@link CanonicalJson#aminoSignDoc}.
 */
public final class AminoSignDoc {

    private AminoSignDoc() {
    }

    /** The document; {@code fee} from {@link #fee}, each of {@code msgs} a {@code {"type":..,"value":..}} map. */
    public static Map<String, Object> of(String chainId, long accountNumber, long sequence, Map<String, Object> fee,
            String memo, List<?> msgs, long timeoutHeight) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("account_number", Long.toUnsignedString(accountNumber));
        doc.put("chain_id", chainId);
        doc.put("fee", fee);
        doc.put("memo", memo == null ? "" : memo);
        doc.put("msgs", msgs);
        doc.put("sequence", Long.toUnsignedString(sequence));
        if (timeoutHeight != 0) {
            doc.put("timeout_height", Long.toUnsignedString(timeoutHeight));
        }
        return doc;
    }

    /** {@code {"amount":[coins],"gas":"<gas>"}} plus {@code payer} / {@code granter} when set. */
    public static Map<String, Object> fee(List<Map<String, Object>> amount, long gasLimit, String payer,
            String granter) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amount", amount);
        out.put("gas", Long.toUnsignedString(gasLimit));
        putIfNotEmpty(out, "payer", payer);
        putIfNotEmpty(out, "granter", granter);
        return out;
    }

    /** A coin: {@code amount} ({@code "0"} when empty, dont_omitempty) and {@code denom} when set. */
    public static Map<String, Object> coin(String amount, String denom) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amount", amount == null || amount.isEmpty() ? "0" : amount);
        putIfNotEmpty(out, "denom", denom);
        return out;
    }

    /** x/staking {@code Description}: every field optional, omitted when empty. */
    public static Map<String, Object> description(String moniker, String identity, String website,
            String securityContact, String details) {
        Map<String, Object> out = new LinkedHashMap<>();
        putIfNotEmpty(out, "moniker", moniker);
        putIfNotEmpty(out, "identity", identity);
        putIfNotEmpty(out, "website", website);
        putIfNotEmpty(out, "security_contact", securityContact);
        putIfNotEmpty(out, "details", details);
        return out;
    }

    /** Puts {@code value} unless it is null or empty (amino JSON's omitempty). */
    public static void putIfNotEmpty(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    /** The canonical sign-doc JSON of a document built here. */
    public static String json(Map<String, Object> doc) {
        return CanonicalJson.aminoSignDoc(doc);
    }
}
