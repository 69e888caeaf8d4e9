package network.omniphi.codec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ADR-036 {@code signArbitrary} sign documents (cosmos-sdk docs/architecture/adr-036-arbitrary-signature.md; Keplr and
 * CosmJS {@code makeADR36AminoSignDoc}): the amino JSON StdSignDoc with one {@code sign/MsgSignData} message
 * ({@code data} = base64 of the message, {@code signer} = the bech32 address), {@code chain_id ""},
 * {@code account_number "0"}, {@code sequence "0"}, empty fee and memo. The signature covers SHA-256 of these bytes.
 */
public final class Adr036 {

    /** Characters that need no JSON escaping (bech32 and base64 text): the signer is placed in the document as given. */
    private static final Pattern SIGNER = Pattern.compile("[A-Za-z0-9+/=]*");

    private Adr036() {
    }

    /** The canonical sign document bytes for {@code message} signed by {@code signer}. */
    public static byte[] signDoc(String signer, byte[] message) {
        if (signer == null || !SIGNER.matcher(signer).matches()) {
            throw new IllegalArgumentException("signer must be a bech32 address");
        }
        Map<String, Object> msg = Map.of("type", "sign/MsgSignData", "value",
                Map.of("data", Base64.getEncoder().encodeToString(message), "signer", signer));
        return AminoSignDoc.json(AminoSignDoc.of("", 0, 0, AminoSignDoc.fee(List.of(), 0, null, null), "",
                List.of(msg), 0)).getBytes(StandardCharsets.UTF_8);
    }
}
