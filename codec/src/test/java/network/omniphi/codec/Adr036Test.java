package network.omniphi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ADR-036 sign docs against CosmJS (testdata/cosmjs/login-vector.json: {@code @cosmjs/amino} makeSignDoc +
 * serializeSignDoc of the signArbitrary document, signed with @cosmjs/crypto): the same bytes, and CosmJS's
 * signature verifies over them.
 */
class Adr036Test {

    @Test
    void signDocIsCosmJsByteForByteAndItsSignatureVerifies() throws IOException {
        JsonNode file = new ObjectMapper().readTree(Path.of("..", "testdata", "cosmjs", "login-vector.json").toFile());
        int vectors = 0;
        for (JsonNode v : file.path("vectors")) {
            JsonNode body = v.path("loginBody");
            byte[] doc = Adr036.signDoc(body.path("walletAddress").asText(),
                    body.path("message").asText().getBytes(StandardCharsets.UTF_8));

            assertThat(new String(doc, StandardCharsets.UTF_8)).isEqualTo(v.path("signDocJson").asText());
            assertThat(Secp256k1.check(Base64.getDecoder().decode(body.path("pubKey").path("value").asText()), doc,
                    Base64.getDecoder().decode(body.path("signature").asText()))).isEqualTo(Secp256k1.Check.VALID);
            vectors++;
        }
        assertThat(vectors).isEqualTo(2);
    }

    @Test
    void theSignerMustLookLikeAnAddress() {
        assertThatThrownBy(() -> Adr036.signDoc("omni1\"x", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Adr036.signDoc(null, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
