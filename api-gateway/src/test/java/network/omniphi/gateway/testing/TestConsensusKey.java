package network.omniphi.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import network.omniphi.gateway.domain.link.ConsensusKeyProof;

/** An ed25519 consensus key for tests: signs link proofs (and any bytes) like a node's key would. */
public record TestConsensusKey(byte[] seed, byte[] publicKey) {

    public static final String CHAIN_ID = "omniphi-devnet-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static TestConsensusKey random() {
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        RANDOM.nextBytes(seed);
        return of(seed);
    }

    public static TestConsensusKey of(byte[] seed) {
        byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, pub, 0);
        return new TestConsensusKey(seed.clone(), pub);
    }

    public String pubkeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    public byte[] sign(byte[] message) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    public String signBase64(String message) {
        return Base64.getEncoder().encodeToString(sign(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** The body of a valid link request for this key, setup and owner on the test chain. */
    public Map<String, Object> linkBody(String setupId, String owner) {
        byte[] doc = ConsensusKeyProof.canonicalDocument(CHAIN_ID, UUID.fromString(setupId), owner);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consensusPubkey", pubkeyBase64());
        body.put("signature", Base64.getEncoder().encodeToString(sign(doc)));
        return body;
    }
}
