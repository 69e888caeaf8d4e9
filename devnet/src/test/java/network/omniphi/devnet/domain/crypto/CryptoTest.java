package network.omniphi.devnet.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import network.omniphi.codec.Secp256k1;
import network.omniphi.devnet.testing.TestSigner;

class CryptoTest {

    @Test
    void lowSSignatureVerifiesAndItsHighSTwinIsRefused() {
        TestSigner signer = TestSigner.named("alice");
        byte[] message = "sign me".getBytes(StandardCharsets.UTF_8);

        assertThat(Secp256k1.verify(signer.publicKey(), message, signer.sign(message))).isTrue();
        assertThat(Secp256k1.verify(signer.publicKey(), message, signer.signHighS(message))).isFalse();
        assertThat(Secp256k1.verify(signer.publicKey(), "other".getBytes(StandardCharsets.UTF_8),
                signer.sign(message))).isFalse();
    }

    @Test
    void addressIsRipemd160OfSha256OfTheCompressedKey() {
        TestSigner signer = TestSigner.named("alice");

        assertThat(signer.address()).isEqualTo(Hashes.ripemd160(Hashes.sha256(signer.publicKey())));
        assertThat(signer.account()).isEqualTo("omni1e358tk66sckglfuknszrz3xmwevck8nlvfh2ve");
        assertThat(Hashes.txHash(new byte[0]))
                .isEqualTo("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
    }
}
