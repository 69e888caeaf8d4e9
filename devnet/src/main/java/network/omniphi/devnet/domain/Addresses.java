package network.omniphi.devnet.domain;

import java.util.HexFormat;

import network.omniphi.devnet.domain.crypto.Bech32;

/** Bech32 prefixes of the Omniphi chain and conversions between address bytes and their strings. */
public final class Addresses {

    public static final String ACCOUNT_PREFIX = "omni";
    public static final String OPERATOR_PREFIX = "omnivaloper";
    public static final String CONSENSUS_PREFIX = "omnivalcons";

    private Addresses() {
    }

    public static String account(byte[] address) {
        return Bech32.encode(ACCOUNT_PREFIX, address);
    }

    public static String operator(byte[] address) {
        return Bech32.encode(OPERATOR_PREFIX, address);
    }

    public static String consensus(byte[] address) {
        return Bech32.encode(CONSENSUS_PREFIX, address);
    }

    /** Decodes an {@code omni1...} address; throws {@link ChainException} (invalid address) otherwise. */
    public static byte[] parseAccount(String text) {
        return parse(text, ACCOUNT_PREFIX);
    }

    /** Decodes an {@code omnivaloper1...} address; throws {@link ChainException} (invalid address) otherwise. */
    public static byte[] parseConsensus(String text) {
        return parse(text, CONSENSUS_PREFIX);
    }

    public static byte[] parseOperator(String text) {
        return parse(text, OPERATOR_PREFIX);
    }

    public static String hex(byte[] address) {
        return HexFormat.of().withUpperCase().formatHex(address);
    }

    private static byte[] parse(String text, String prefix) {
        if (text == null || text.isBlank()) {
            throw new ChainException(ChainError.INVALID_ADDRESS, "empty address string is not allowed");
        }
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(text);
        } catch (IllegalArgumentException e) {
            throw new ChainException(ChainError.INVALID_ADDRESS, "decoding bech32 failed: " + e.getMessage());
        }
        if (!decoded.hrp().equals(prefix)) {
            throw new ChainException(ChainError.INVALID_ADDRESS,
                    "invalid Bech32 prefix; expected " + prefix + ", got " + decoded.hrp());
        }
        int length = decoded.data().length;
        if (length != 20 && length != 32) {
            throw new ChainException(ChainError.INVALID_ADDRESS,
                    "address length must be 20 or 32 bytes, got " + length);
        }
        return decoded.data();
    }
}
