package network.omniphi.devnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The consensus key in CometBFT's file form (CometBFT v0.38 privval/file.go FilePVKey: {@code address},
 * {@code pub_key}, {@code priv_key} with amino type names; crypto/ed25519/ed25519.go: the 64-byte private key is seed
 * || public key, the address is the first 20 bytes of SHA-256(public key)). The node creates it once and only its
 * public half is ever read back: the one-signer rule depends on it.
 */
class ConsensusKeyTest {

    // RFC 8032 section 7.1, TEST 1 (empty message)
    static final byte[] SEED = HexFormat.of()
            .parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final byte[] PUB = HexFormat.of()
            .parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    static final String SIG = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    static String keyFile(byte[] seed, byte[] pub) {
        byte[] full = new byte[64];
        System.arraycopy(seed, 0, full, 0, 32);
        System.arraycopy(pub, 0, full, 32, 32);
        String b64 = Base64.getEncoder().encodeToString(full);
        return "{\"address\":\"X\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\""
                + Base64.getEncoder().encodeToString(pub) + "\"},\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\","
                + "\"value\":\"" + b64 + "\"}}";
    }

    @Test
    void signingWithTheKeyFileGivesTheRfc8032Signature() {
        byte[] sig = ConsensusKey.signWithKeyFile(keyFile(SEED, PUB), new byte[0]);

        assertThat(HexFormat.of().formatHex(sig)).isEqualTo(SIG);
    }

    @Test
    void theAddressIsTheFirst20BytesOfSha256OfThePublicKey() throws Exception {
        ConsensusKey key = ConsensusKey.publicPartOf(keyFile(SEED, PUB));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(PUB);

        assertThat(key.address()).isEqualTo(HexFormat.of().withUpperCase().formatHex(digest, 0, 20));
        assertThat(key.nodeId()).isEqualTo(key.address().toLowerCase(java.util.Locale.ROOT));
        assertThat(key.publicKeyBase64()).isEqualTo(Base64.getEncoder().encodeToString(PUB));
        assertThat(key.publicKeyJson()).containsEntry("type", "tendermint/PubKeyEd25519");
    }

    @Test
    void aGeneratedKeyWritesAFileWhosePublicHalfAndSignaturesMatch() throws Exception {
        ConsensusKey key = ConsensusKey.generate();
        String file = key.toFileJson();

        ConsensusKey read = ConsensusKey.publicPartOf(file);
        byte[] message = "vote".getBytes(StandardCharsets.UTF_8);
        byte[] sig = ConsensusKey.signWithKeyFile(file, message);

        assertThat(read.publicKeyBase64()).isEqualTo(key.publicKeyBase64());
        assertThat(file).contains("\"address\":\"" + key.address() + "\"");
        var verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(concat(HexFormat.of().parseHex("302a300506032b6570032100"),
                        Base64.getDecoder().decode(key.publicKeyBase64())))));
        verifier.update(message);
        assertThat(verifier.verify(sig)).isTrue();
        assertThat(ConsensusKey.generate().publicKeyBase64()).isNotEqualTo(key.publicKeyBase64());
    }

    @Test
    void aKeyReadBackHasNoPrivatePartAndNeverPrintsOne() {
        ConsensusKey generated = ConsensusKey.generate();
        String file = generated.toFileJson();
        ConsensusKey read = ConsensusKey.publicPartOf(file);

        assertThatThrownBy(read::toFileJson).isInstanceOf(IllegalStateException.class);
        assertThat(generated.toString()).isEqualTo("ConsensusKey[address=" + generated.address() + "]");
        String privateValue = file.replaceAll(".*PrivKeyEd25519\",\"value\":\"([^\"]+)\".*", "$1");
        assertThat(privateValue).hasSize(88);
        assertThat(generated.toString()).doesNotContain(privateValue.substring(0, 16));
    }

    @Test
    void theNodeKeysPublicHalfIsTheSecondHalfOfItsPrivateKey() {
        ConsensusKey generated = ConsensusKey.generate();

        assertThat(ConsensusKey.publicPartOfNodeKey(generated.toNodeKeyJson()).nodeId()).isEqualTo(generated.nodeId());
    }

    @Test
    void malformedKeyFilesAreRefused() {
        assertThatThrownBy(() -> ConsensusKey.publicPartOf("{\"pub_key\":{\"type\":\"tendermint/PubKeySecp256k1\","
                + "\"value\":\"" + Base64.getEncoder().encodeToString(PUB) + "\"}}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsensusKey.publicPartOf("{\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\","
                + "\"value\":\"" + Base64.getEncoder().encodeToString(new byte[31]) + "\"}}"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> ConsensusKey.signWithKeyFile("{}", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsensusKey.signWithKeyFile(
                "{\"priv_key\":{\"value\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\"}}",
                new byte[1])).hasMessageContaining("64 bytes");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
