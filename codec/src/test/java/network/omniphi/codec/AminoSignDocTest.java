package network.omniphi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The StdSignDoc envelope against CosmJS ({@code @cosmjs/amino} makeSignDoc + serializeSignDoc, testdata/cosmjs): the
 * message value is each caller's model, so it is taken from the vector; the envelope, fee, coins, description and the
 * escaping are built here and must give CosmJS's sign bytes, which its signature then verifies over.
 */
class AminoSignDocTest {

    @Test
    void envelopeMatchesCosmJsByteForByteAndItsSignatureVerifies() {
        JsonNode file = CosmJsVectors.createValidator();
        byte[] signer = Base64.getDecoder().decode(file.path("signerPubkeyBase64").asText());
        int amino = 0;
        for (JsonNode v : file.path("vectors")) {
            if (!"amino".equals(v.path("mode").asText())) {
                continue;
            }
            amino++;
            String doc = AminoSignDoc.json(build(file.path("chainId").asText(), v));

            assertThat(doc).as(v.path("name").asText()).isEqualTo(v.path("aminoSignDoc").asText());
            byte[] signBytes = HexFormat.of().parseHex(v.path("signBytesHex").asText());
            assertThat(doc.getBytes(StandardCharsets.UTF_8)).isEqualTo(signBytes);
            assertThat(Secp256k1.verify(signer, signBytes,
                    Base64.getDecoder().decode(v.path("signatureBase64").asText()))).isTrue();
        }
        assertThat(amino).isEqualTo(3);
    }

    @Test
    void emptyOptionalFieldsAreOmittedAndEmptyAmountsAreZero() {
        assertThat(AminoSignDoc.json(AminoSignDoc.description("m", "", null, "", "d")))
                .isEqualTo("{\"details\":\"d\",\"moniker\":\"m\"}");
        assertThat(AminoSignDoc.json(AminoSignDoc.coin("", ""))).isEqualTo("{\"amount\":\"0\"}");
        assertThat(AminoSignDoc.json(AminoSignDoc.fee(List.of(), 0, "", "omni1g"))).isEqualTo(
                "{\"amount\":[],\"gas\":\"0\",\"granter\":\"omni1g\"}");
        assertThat(AminoSignDoc.json(AminoSignDoc.of("c", -1L, 0, AminoSignDoc.fee(List.of(), 1, null, null), null,
                List.of(), 0))).isEqualTo("{\"account_number\":\"18446744073709551615\",\"chain_id\":\"c\","
                        + "\"fee\":{\"amount\":[],\"gas\":\"1\"},\"memo\":\"\",\"msgs\":[],\"sequence\":\"0\"}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> build(String chainId, JsonNode v) {
        JsonNode fee = v.path("fee");
        List<Map<String, Object>> amount = new ArrayList<>();
        if (!"0".equals(fee.path("amount").asText())) {
            amount.add(AminoSignDoc.coin(fee.path("amount").asText(), fee.path("denom").asText()));
        }
        JsonNode signed = read(v.path("aminoSignDoc").asText());
        Map<String, Object> msg = new ObjectMapper().convertValue(signed.path("msgs").get(0), Map.class);
        Map<String, Object> value = (Map<String, Object>) msg.get("value");
        JsonNode d = v.path("description");
        value.put("description", AminoSignDoc.description(d.path("moniker").asText(), d.path("identity").asText(),
                d.path("website").asText(), d.path("securityContact").asText(), d.path("details").asText()));
        value.put("value", AminoSignDoc.coin(v.path("value").path("amount").asText(),
                v.path("value").path("denom").asText()));
        return AminoSignDoc.of(chainId, v.path("accountNumber").asLong(), v.path("sequence").asLong(),
                AminoSignDoc.fee(amount, v.path("gasLimit").asLong(), null, null), v.path("memo").asText(),
                List.of(msg), v.path("timeoutHeight").asLong());
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
