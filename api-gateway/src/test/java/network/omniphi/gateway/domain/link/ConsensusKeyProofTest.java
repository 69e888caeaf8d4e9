package network.omniphi.gateway.domain.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.testing.TestConsensusKey;

/**
 * The link proof rules: the canonical document byte for byte, and signatures made by an independent implementation
 * (Node's built-in crypto, tools/link-proof/link-proof.mjs → testdata/link-proof/vectors.json) with the RFC 8032
 * test keys. A proof verifies only for exactly its chain, setup and wallet.
 */
class ConsensusKeyProofTest {

    private static final Path VECTORS = Path.of("..", "testdata", "link-proof", "vectors.json");
    private static final String WALLET = "omni1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";

    private static List<JsonNode> vectors() throws Exception {
        List<JsonNode> list = new ArrayList<>();
        new ObjectMapper().readTree(Files.readString(VECTORS)).forEach(list::add);
        assertThat(list).hasSize(2);
        return list;
    }

    @Test
    void canonicalDocumentIsByteIdenticalToTheNodeReference() throws Exception {
        for (JsonNode v : vectors()) {
            byte[] doc = ConsensusKeyProof.canonicalDocument(v.path("chainId").asText(),
                    UUID.fromString(v.path("setupRequestId").asText()), v.path("walletAddress").asText());
            assertThat(new String(doc, StandardCharsets.UTF_8)).as(v.path("name").asText())
                    .isEqualTo(v.path("canonicalDocument").asText());
        }
        assertThat(new String(ConsensusKeyProof.canonicalDocument("omniphi-devnet-1",
                UUID.fromString("3f1c2a9e-4b7d-4f43-9d55-0c1c2b0a9e11"), WALLET), StandardCharsets.UTF_8))
                .isEqualTo("{\"chainId\":\"omniphi-devnet-1\",\"purpose\":\"omniphi/link-consensus-key/v1\","
                        + "\"setupRequestId\":\"3f1c2a9e-4b7d-4f43-9d55-0c1c2b0a9e11\","
                        + "\"walletAddress\":\"omni1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu\"}");
    }

    @Test
    void nodeSignaturesOfTheRfc8032KeysVerifyForExactlyTheirDocument() throws Exception {
        for (JsonNode v : vectors()) {
            ConsensusKeyProof proof = ConsensusKeyProof.parse(v.path("consensusPubkey").asText(),
                    v.path("signature").asText());
            String chain = v.path("chainId").asText();
            UUID setup = UUID.fromString(v.path("setupRequestId").asText());
            String wallet = v.path("walletAddress").asText();
            assertThat(proof.verifies(chain, setup, wallet)).as(v.path("name").asText()).isTrue();
            assertThat(proof.verifies(chain + "x", setup, wallet)).as("other chain").isFalse();
            assertThat(proof.verifies(chain, UUID.randomUUID(), wallet)).as("other setup").isFalse();
            assertThat(proof.verifies(chain, setup, "omni1zg69v7ys40x77y352eufp27daufrg4ncnjqz7q")).as("other wallet")
                    .isFalse();
        }
    }

    @Test
    void rfc8032TestKeyOneDerivesThePublishedPublicKey() throws Exception {
        JsonNode v = vectors().get(0);
        TestConsensusKey key = TestConsensusKey.of(HexFormat.of().parseHex(v.path("seed").asText()));
        assertThat(HexFormat.of().formatHex(key.publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        // ed25519 is deterministic: our signer reproduces the Node signature bit for bit
        assertThat(key.signBase64(v.path("canonicalDocument").asText())).isEqualTo(v.path("signature").asText());
    }

    @Test
    void aSignatureOverAnyOtherDocumentIsRefused() {
        TestConsensusKey key = TestConsensusKey.random();
        UUID setup = UUID.randomUUID();
        String canonical = new String(ConsensusKeyProof.canonicalDocument("omniphi-devnet-1", setup, WALLET),
                StandardCharsets.UTF_8);
        List<String> others = List.of(
                canonical.replace(",", ", "), // whitespace
                "{\"walletAddress\":\"" + WALLET + "\",\"setupRequestId\":\"" + setup
                        + "\",\"purpose\":\"omniphi/link-consensus-key/v1\",\"chainId\":\"omniphi-devnet-1\"}", // order
                canonical.replace("link-consensus-key/v1", "link-consensus-key/v2"), // purpose
                canonical + "\n");
        for (String other : others) {
            ConsensusKeyProof proof = ConsensusKeyProof.parse(key.pubkeyBase64(), key.signBase64(other));
            assertThat(proof.verifies("omniphi-devnet-1", setup, WALLET)).as(other).isFalse();
        }
        ConsensusKeyProof good = ConsensusKeyProof.parse(key.pubkeyBase64(), key.signBase64(canonical));
        assertThat(good.verifies("omniphi-devnet-1", setup, WALLET)).isTrue();
        // a valid signature by another key does not prove this key
        ConsensusKeyProof swapped = ConsensusKeyProof.parse(TestConsensusKey.random().pubkeyBase64(),
                key.signBase64(canonical));
        assertThat(swapped.verifies("omniphi-devnet-1", setup, WALLET)).isFalse();
    }

    @Test
    void fieldsMustBeCanonicalBase64OfTheRightLength() {
        String key = TestConsensusKey.random().pubkeyBase64();
        String sig = Base64.getEncoder().encodeToString(new byte[64]);
        assertThat(errors(null, null)).containsExactly(new FieldError("consensusPubkey", "is required"),
                new FieldError("signature", "is required"));
        assertThat(errors(key.replace("=", ""), sig)).extracting(FieldError::field).containsExactly("consensusPubkey");
        assertThat(errors(Base64.getEncoder().encodeToString(new byte[33]), sig)).extracting(FieldError::field)
                .containsExactly("consensusPubkey");
        assertThat(errors(key, Base64.getUrlEncoder().encodeToString(new byte[64]).replace('A', '-')))
                .extracting(FieldError::field).containsExactly("signature");
        assertThat(errors(key, Base64.getEncoder().encodeToString(new byte[63]))).extracting(FieldError::field)
                .containsExactly("signature");
        assertThat(errors(" " + key, sig)).extracting(FieldError::field).containsExactly("consensusPubkey");
        assertThat(ConsensusKeyProof.parse(key, sig).consensusPubkey()).isEqualTo(key);
    }

    private static List<FieldError> errors(String key, String sig) {
        try {
            ConsensusKeyProof.parse(key, sig);
        } catch (GatewayException.InvalidRequest e) {
            return e.errors();
        }
        throw new AssertionError("expected a refusal of " + key + " / " + sig);
    }
}
