package network.omniphi.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The signed documents against the published ones: the heartbeat example of docs/heartbeat-protocol.md byte for byte
 * (RFC 8032 section 7.1 TEST 1 key), and the link proof verified by a second implementation, the JDK's EdDSA.
 */
class CanonicalDocsTest {

    static final byte[] RFC8032_SEED = HexFormat.of()
            .parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final String WALLET = "omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd";

    @Test
    void heartbeatMatchesTheProtocolsWorkedExample() {
        try (ConsensusKeyPair key = ConsensusKeyPair.fromSeed(RFC8032_SEED)) {
            assertThat(key.publicKeyBase64()).isEqualTo("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
            String canonical = CanonicalDocs.heartbeat(new CanonicalDocs.Heartbeat(WALLET, key.publicKeyBase64(),
                    123456, 86400, 26657, 26656, "2026-11-25T18:00:00Z"));
            assertThat(canonical).isEqualTo("{\"blockHeight\":123456,\"consensusPubkey\":"
                    + "\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\",\"localP2pPort\":26656,\"localRpcPort\":26657,"
                    + "\"timestamp\":\"2026-11-25T18:00:00Z\",\"uptimeSeconds\":86400,\"walletAddress\":"
                    + "\"omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd\"}");
            assertThat(canonical.getBytes(StandardCharsets.UTF_8)).hasSize(248);
            assertThat(key.signBase64(canonical)).isEqualTo(
                    "Kfa99z/jBVeDLJy59aUIaWlxu/oKHUYCuopJewHi24jtRu76Xo7AJCJlEw264ojBjlZJe6I8QUFJXNkbRRDuAw==");
        }
    }

    @Test
    void linkProofIsTheDesignsCanonicalJsonAndVerifiesWithTheJdk() throws Exception {
        String setup = "0b5a1f9e-3c2d-4e8f-9a7b-6c5d4e3f2a1b";
        String canonical = CanonicalDocs.linkProof("omniphi-devnet-1", setup, WALLET);
        assertThat(canonical).isEqualTo("{\"chainId\":\"omniphi-devnet-1\",\"purpose\":"
                + "\"omniphi/link-consensus-key/v1\",\"setupRequestId\":\"" + setup + "\",\"walletAddress\":\""
                + WALLET + "\"}");
        try (ConsensusKeyPair key = ConsensusKeyPair.fromSeed(RFC8032_SEED)) {
            byte[] signature = Base64.getDecoder().decode(key.signBase64(canonical));
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initVerify(jdkPublicKey(key.publicKey()));
            jdk.update(canonical.getBytes(StandardCharsets.UTF_8));
            assertThat(jdk.verify(signature)).isTrue();

            jdk.initVerify(jdkPublicKey(key.publicKey()));
            jdk.update(CanonicalDocs.linkProof("omniphi-devnet-1", setup, "omni1other").getBytes(
                    StandardCharsets.UTF_8));
            assertThat(jdk.verify(signature)).isFalse();
        }
    }

    @Test
    void cometBftKeyFileHasTheDocumentedShape() {
        try (ConsensusKeyPair key = ConsensusKeyPair.fromSeed(RFC8032_SEED)) {
            String file = key.cometBftKeyFileJson();
            String full = Base64.getEncoder().encodeToString(concat(RFC8032_SEED, key.publicKey()));
            assertThat(file).isEqualTo("{\"address\":\"" + key.validatorAddress() + "\",\"pub_key\":{\"type\":"
                    + "\"tendermint/PubKeyEd25519\",\"value\":\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"},"
                    + "\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\",\"value\":\"" + full + "\"}}");
            assertThat(key.validatorAddress()).matches("[0-9A-F]{40}");
        }
    }

    /** An X25519-free way to get a JDK Ed25519 public key from the 32 RFC 8032 bytes. */
    static PublicKey jdkPublicKey(byte[] encoded) throws Exception {
        byte[] reversed = new byte[32];
        for (int i = 0; i < 32; i++) {
            reversed[i] = encoded[31 - i];
        }
        boolean xOdd = (reversed[0] & 0x80) != 0;
        reversed[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, reversed));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                point));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
