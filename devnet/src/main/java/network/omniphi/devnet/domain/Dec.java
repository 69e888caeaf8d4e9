package network.omniphi.devnet.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Cosmos LegacyDec: 18 decimals. On the protobuf wire it is the integer value × 10^18 as a decimal string; in amino
 * JSON and in configuration it is the human form {@code "0.100000000000000000"}. Never goes through {@code double}.
 */
public final class Dec {

    public static final int PRECISION = 18;
    private static final int MAX_BIT_LENGTH = 256 + 60;

    private Dec() {
    }

    /** Parses the wire form (integer × 10^18); throws {@link ChainException} (tx parse error) when malformed. */
    public static BigDecimal fromWire(String field, String wire) {
        if (wire == null || !wire.matches("-?[0-9]+")) {
            throw new ChainException(ChainError.TX_DECODE,
                    "invalid LegacyDec in " + field + ": '" + wire
                            + "' is not an integer string with 18 implied decimals");
        }
        BigInteger value = new BigInteger(wire);
        if (value.bitLength() > MAX_BIT_LENGTH) {
            throw new ChainException(ChainError.TX_DECODE, "LegacyDec in " + field + " is out of range");
        }
        return new BigDecimal(value, PRECISION);
    }

    /** The wire form of a decimal with at most 18 fractional digits. */
    public static String toWire(BigDecimal value) {
        return value.setScale(PRECISION).unscaledValue().toString();
    }

    /** The amino JSON / human form with exactly 18 decimals, e.g. {@code 0.100000000000000000}. */
    public static String toHuman(BigDecimal value) {
        return value.setScale(PRECISION).toPlainString();
    }

    /** Parses a human decimal such as {@code 0.05} (configuration); at most 18 fractional digits. */
    public static BigDecimal parseHuman(String text) {
        BigDecimal value = new BigDecimal(text.trim());
        if (value.scale() > PRECISION) {
            throw new IllegalArgumentException("more than 18 decimals: " + text);
        }
        return value.setScale(PRECISION);
    }
}
