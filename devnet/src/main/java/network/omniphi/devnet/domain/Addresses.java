package network.omniphi.devnet.domain;

import java.util.HexFormat;

import network.omniphi.codec.Bech32;

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
            decoded = Bech32.decode(text, Bech32.COSMOS_MAX_LENGTH);
        } catch (Bech32.Failure e) {
            throw new ChainException(ChainError.INVALID_ADDRESS, "decoding bech32 failed: " + goText(e.reason()));
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

    /**
     * The reason as the chain words it: cosmos-sdk {@code types/address.go} {@code GetFromBech32} prefixes btcutil's
     * bech32 error with "decoding bech32 failed: ".
     */
    private static String goText(Bech32.Reason reason) {
        return switch (reason) {
            case LENGTH -> "invalid bech32 length";
            case MIXED_CASE -> "mixed-case bech32 string";
            case SEPARATOR -> "invalid bech32 separator position";
            case PREFIX_CHARACTER, DATA_CHARACTER -> "invalid bech32 character";
            case CHECKSUM -> "invalid bech32 checksum";
            case PADDING -> "invalid bech32 padding";
        };
    }
}
