package network.omniphi.heartbeat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import network.omniphi.heartbeat.infra.BouncyCastleEd25519Verifier;

/** The worked example of docs/heartbeat-protocol.md, checked byte for byte and with an independent verifier. */
class CanonicalHeartbeatTest {

    static final String PUBKEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    static final String WALLET = "omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd";
    static final String CANONICAL = "{\"blockHeight\":123456,\"consensusPubkey\":\"" + PUBKEY + "\","
            + "\"localP2pPort\":26656,\"localRpcPort\":26657,\"timestamp\":\"2026-11-25T18:00:00Z\","
            + "\"uptimeSeconds\":86400,\"walletAddress\":\"" + WALLET + "\"}";
    static final String SIGNATURE = "Kfa99z/jBVeDLJy59aUIaWlxu/oKHUYCuopJewHi24jtRu76Xo7AJCJlEw264ojBjlZJe6I8QUFJXNkbRRDuAw==";

    private static SignedHeartbeat example(long height) {
        String ts = "2026-11-25T18:00:00Z";
        return new SignedHeartbeat(WALLET, PUBKEY, Base64.getDecoder().decode(PUBKEY), height, 86400, 26657, 26656,
                ts, Instant.parse(ts), Base64.getDecoder().decode(SIGNATURE));
    }

    @Test
    void canonicalFormIsSortedCompactUtf8() {
        assertThat(new String(example(123456).canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(CANONICAL);
    }

    @Test
    void exampleKeyIsTheRfc8032TestVectorAndWalletIsValid() {
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(PUBKEY)))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(WalletAddresses.isValid(WALLET)).isTrue();
    }

    @Test
    void exampleSignatureVerifiesWithBouncyCastleAndTheJdk() throws Exception {
        SignedHeartbeat hb = example(123456);
        assertThat(new BouncyCastleEd25519Verifier().verify(hb.consensusKey(), hb.canonicalBytes(), hb.signature()))
                .isTrue();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkKey(hb.consensusKey()));
        jdk.update(CANONICAL.getBytes(StandardCharsets.UTF_8));
        assertThat(jdk.verify(hb.signature())).isTrue();
    }

    @Test
    void anyChangedFieldBreaksTheSignature() {
        SignedHeartbeat tampered = example(123457);
        assertThat(new BouncyCastleEd25519Verifier().verify(tampered.consensusKey(), tampered.canonicalBytes(),
                tampered.signature())).isFalse();
    }

    private static PublicKey jdkKey(byte[] raw) throws Exception {
        byte[] le = raw.clone();
        boolean xOdd = (le[31] & 0x80) != 0;
        le[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, be));
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }
}
