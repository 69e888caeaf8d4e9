package network.omniphi.chain.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

import network.omniphi.codec.Bech32;

/** Bech32 account and operator addresses of one chain (prefixes {@code omni} / {@code omnivaloper}). */
public final class Addresses {

    private final String accountPrefix;
    private final String operatorPrefix;

    public Addresses(String accountPrefix, String operatorPrefix) {
        this.accountPrefix = accountPrefix;
        this.operatorPrefix = operatorPrefix;
    }

    /** The operator address for a wallet: the same bytes under the operator prefix. */
    public String operatorOf(String walletAddress) {
        return Bech32.encode(operatorPrefix, addressBytes(walletAddress, accountPrefix));
    }

    public String walletOf(String operatorAddress) {
        return Bech32.encode(accountPrefix, addressBytes(operatorAddress, operatorPrefix));
    }

    /** Address bytes of a bech32 address with the expected prefix; IllegalArgumentException otherwise. */
    public static byte[] addressBytes(String address, String expectedPrefix) {
        Bech32.Decoded decoded = Bech32.decode(address);
        if (!decoded.hrp().equals(expectedPrefix)) {
            throw new IllegalArgumentException("expected prefix " + expectedPrefix + ", got " + decoded.hrp());
        }
        if (decoded.data().length != 20 && decoded.data().length != 32) {
            throw new IllegalArgumentException("address must carry 20 or 32 bytes");
        }
        return decoded.data();
    }

    /**
     * The CometBFT consensus address of a base64 ed25519 key under the consensus prefix: the first 20 bytes of
     * SHA-256(key) (CometBFT 0.38 {@code crypto/ed25519} Address), prefix {@code <main>valcons} next to
     * {@code <main>valoper} as the SDK's Bech32 config names them.
     */
    public String consensusOf(String ed25519PubkeyBase64) {
        byte[] key = java.util.Base64.getDecoder().decode(ed25519PubkeyBase64);
        return Bech32.encode(consensusPrefix(), java.util.Arrays.copyOf(sha256(key), 20));
    }

    public String consensusPrefix() {
        return operatorPrefix.endsWith("valoper")
                ? operatorPrefix.substring(0, operatorPrefix.length() - "valoper".length()) + "valcons"
                : operatorPrefix + "cons";
    }

    public String accountPrefix() {
        return accountPrefix;
    }

    public String operatorPrefix() {
        return operatorPrefix;
    }

    /** Account address of a compressed secp256k1 key: RIPEMD-160(SHA-256(key)). */
    public String accountOf(byte[] secp256k1PubKey) {
        byte[] sha = sha256(secp256k1PubKey);
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return Bech32.encode(accountPrefix, out);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
