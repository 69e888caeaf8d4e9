package network.omniphi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * cosmos-sdk v0.50 crypto/keys/secp256k1 VerifySignature over a signature CosmJS made (testdata/cosmjs): low-S
 * verifies, its high-S twin (N - s, the same signature to plain ECDSA) is refused, as are malformed signatures and keys.
 */
class Secp256k1Test {

    private final JsonNode file = CosmJsVectors.createValidator();
    private final JsonNode vector = file.path("vectors").get(1);
    private final byte[] key = Base64.getDecoder().decode(file.path("signerPubkeyBase64").asText());
    private final byte[] signBytes = HexFormat.of().parseHex(vector.path("signBytesHex").asText());
    private final byte[] signature = Base64.getDecoder().decode(vector.path("signatureBase64").asText());

    @Test
    void cosmJsSignatureIsValidAndItsHighSTwinIsRefused() {
        assertThat(Secp256k1.check(key, signBytes, signature)).isEqualTo(Secp256k1.Check.VALID);
        assertThat(Secp256k1.verify(key, signBytes, signature)).isTrue();

        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] highS = Arrays.copyOf(signature, 64);
        byte[] twin = Secp256k1.CURVE.getN().subtract(s).toByteArray();
        System.arraycopy(twin, twin.length - 32, highS, 32, 32);
        assertThat(Secp256k1.check(key, signBytes, highS)).isEqualTo(Secp256k1.Check.HIGH_S);
        assertThat(Secp256k1.verify(key, signBytes, highS)).isFalse();
    }

    @Test
    void lowSIsAtMostHalfTheOrder() {
        assertThat(Secp256k1.isLowS(Secp256k1.HALF_N)).isTrue();
        assertThat(Secp256k1.isLowS(Secp256k1.HALF_N.add(BigInteger.ONE))).isFalse();
        assertThat(Secp256k1.HALF_N.shiftLeft(1).add(BigInteger.ONE)).isEqualTo(Secp256k1.CURVE.getN());
    }

    @Test
    void otherBytesMalformedSignaturesAndBadKeysAreRefused() {
        byte[] other = Arrays.copyOf(signBytes, signBytes.length);
        other[0] ^= 1;
        assertThat(Secp256k1.check(key, other, signature)).isEqualTo(Secp256k1.Check.BAD_SIGNATURE);
        assertThat(Secp256k1.check(key, signBytes, Arrays.copyOf(signature, 63)))
                .isEqualTo(Secp256k1.Check.MALFORMED_SIGNATURE);
        byte[] zeroS = Arrays.copyOf(signature, 64);
        Arrays.fill(zeroS, 32, 64, (byte) 0);
        assertThat(Secp256k1.check(key, signBytes, zeroS)).isEqualTo(Secp256k1.Check.MALFORMED_SIGNATURE);
        assertThat(Secp256k1.check(new byte[33], signBytes, signature)).isEqualTo(Secp256k1.Check.INVALID_KEY);
        byte[] uncompressedPrefix = Arrays.copyOf(key, 33);
        uncompressedPrefix[0] = 4;
        assertThat(Secp256k1.isValidPublicKey(uncompressedPrefix)).isFalse();
        assertThat(Secp256k1.isValidPublicKey(key)).isTrue();
    }

    @Test
    void accountAddressIsRipemd160OfSha256OfTheKey() {
        assertThat(Secp256k1.address("omni", key)).isEqualTo(file.path("walletAddress").asText());
        assertThat(Bech32.encode("omnivaloper", Secp256k1.addressBytes(key)))
                .isEqualTo(file.path("operatorAddress").asText());
    }
}
