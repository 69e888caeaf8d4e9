package network.omniphi.gateway.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.omniphi.codec.Adr036;
import network.omniphi.codec.Secp256k1;
import network.omniphi.gateway.testing.TestWallet;

/** The verifier against signatures made by CosmJS 0.39 (testdata/cosmjs/login-vector.json, tools/cosmjs-login). */
class Adr036VectorTest {

    private static final Path VECTOR = Path.of("..", "testdata", "cosmjs", "login-vector.json");

    private final JsonNode root = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Files.readString(VECTOR));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> vectors() {
        List<JsonNode> list = new java.util.ArrayList<>();
        root.path("vectors").forEach(list::add);
        assertThat(list).hasSize(2);
        return list;
    }

    @Test
    void signDocIsByteIdenticalToCosmJs() {
        for (JsonNode v : vectors()) {
            JsonNode body = v.path("loginBody");
            byte[] doc = Adr036.signDoc(body.path("walletAddress").asText(),
                    body.path("message").asText().getBytes(StandardCharsets.UTF_8));
            assertThat(new String(doc, StandardCharsets.UTF_8)).as(v.path("name").asText())
                    .isEqualTo(v.path("signDocJson").asText());
        }
    }

    @Test
    void cosmJsSignaturesVerifyAndAddressesDerive() {
        for (JsonNode v : vectors()) {
            JsonNode body = v.path("loginBody");
            byte[] pub = Base64.getDecoder().decode(body.path("pubKey").path("value").asText());
            byte[] sig = Base64.getDecoder().decode(body.path("signature").asText());
            byte[] doc = v.path("signDocJson").asText().getBytes(StandardCharsets.UTF_8);
            assertThat(Secp256k1.address("omni", pub)).isEqualTo(body.path("walletAddress").asText());
            assertThat(Secp256k1.check(pub, doc, sig)).isEqualTo(Secp256k1.Check.VALID);
        }
    }

    @Test
    void javaTestSignerMatchesCosmJsBitForBit() {
        TestWallet wallet = TestWallet.fromHex(root.path("privateKeyHex").asText());
        for (JsonNode v : vectors()) {
            JsonNode body = v.path("loginBody");
            assertThat(wallet.address()).isEqualTo(body.path("walletAddress").asText());
            byte[] sig = wallet.signArbitrary(wallet.address(), body.path("message").asText());
            assertThat(Base64.getEncoder().encodeToString(sig)).isEqualTo(body.path("signature").asText());
        }
    }

    @Test
    void tamperedMessageHighSAndOtherSignerAreRefused() {
        JsonNode body = vectors().get(0).path("loginBody");
        byte[] pub = Base64.getDecoder().decode(body.path("pubKey").path("value").asText());
        byte[] sig = Base64.getDecoder().decode(body.path("signature").asText());
        String wallet = body.path("walletAddress").asText();
        byte[] tampered = Adr036.signDoc(wallet,
                (body.path("message").asText() + "!").getBytes(StandardCharsets.UTF_8));
        assertThat(Secp256k1.check(pub, tampered, sig)).isEqualTo(Secp256k1.Check.BAD_SIGNATURE);

        byte[] doc = Adr036.signDoc(wallet, body.path("message").asText().getBytes(StandardCharsets.UTF_8));
        byte[] highS = sig.clone();
        byte[] s = Secp256k1.CURVE.getN().subtract(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(sig, 32,
                64))).toByteArray();
        java.util.Arrays.fill(highS, 32, 64, (byte) 0);
        System.arraycopy(s, Math.max(0, s.length - 32), highS, 64 - Math.min(32, s.length), Math.min(32, s.length));
        assertThat(Secp256k1.check(pub, doc, highS)).isEqualTo(Secp256k1.Check.HIGH_S);

        TestWallet other = TestWallet.random();
        byte[] otherDoc = Adr036.signDoc(other.address(),
                body.path("message").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(Secp256k1.check(pub, otherDoc, sig)).isEqualTo(Secp256k1.Check.BAD_SIGNATURE);
        assertThat(Secp256k1.check(new byte[33], doc, sig)).isEqualTo(Secp256k1.Check.INVALID_KEY);
    }
}
