package network.omniphi.gateway.domain.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * ADR-036 {@code signArbitrary} sign documents: the amino JSON StdSignDoc with one {@code sign/MsgSignData} message,
 * {@code chain_id ""}, {@code account_number "0"}, {@code sequence "0"}, empty fee and memo, keys sorted and no white
 * space. The signature covers SHA-256 of these bytes.
 */
public final class Adr036 {

    /** Strings placed verbatim in the document: bech32 addresses and base64 need no JSON escaping. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9+/=]*");

    private Adr036() {
    }

    /** The canonical sign document bytes for {@code message} signed by {@code signer}. */
    public static byte[] signDoc(String signer, byte[] message) {
        String data = Base64.getEncoder().encodeToString(message);
        if (!SAFE.matcher(signer).matches()) {
            throw new IllegalArgumentException("signer must be a bech32 address");
        }
        String json = "{\"account_number\":\"0\",\"chain_id\":\"\",\"fee\":{\"amount\":[],\"gas\":\"0\"},\"memo\":\"\","
                + "\"msgs\":[{\"type\":\"sign/MsgSignData\",\"value\":{\"data\":\"" + data + "\",\"signer\":\""
                + signer + "\"}}],\"sequence\":\"0\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
