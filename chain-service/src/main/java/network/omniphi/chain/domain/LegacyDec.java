package network.omniphi.chain.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Cosmos {@code LegacyDec}: 18 fractional digits. Parsed from decimal strings only (never from {@code double});
 * protobuf form is the integer value x 10^18, amino JSON form is the plain decimal with exactly 18 decimals.
 */
public final class LegacyDec {

    public static final int PRECISION = 18;
    /**
     * At most 30 integer digits: a rate is at most 1, and the bound keeps a 100,000-digit string from ever reaching
     * {@code new BigDecimal} (quadratic) or {@code setScale}; exponents never match.
     */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,30}(\\.\\d{1,18})?");

    private LegacyDec() {
    }

    /** Parses a non-negative decimal string such as {@code "0.1"}; refuses exponents, signs and > 18 decimals. */
    public static BigDecimal parse(String text) {
        if (text == null || !DECIMAL.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException("must be a non-negative decimal with at most 18 fractional digits");
        }
        return new BigDecimal(text.strip()).setScale(PRECISION);
    }

    public static String toProto(BigDecimal value) {
        return value.setScale(PRECISION).unscaledValue().toString();
    }

    public static String toAmino(BigDecimal value) {
        return value.setScale(PRECISION).toPlainString();
    }

    /** The amino JSON rendering the chain uses, as configured per chain. */
    public static String toAmino(BigDecimal value, network.omniphi.chain.domain.model.AminoDecForm form) {
        return form == network.omniphi.chain.domain.model.AminoDecForm.INTEGER ? toProto(value) : toAmino(value);
    }

    /** Reads the protobuf form (integer string, possibly empty for zero). */
    public static BigDecimal fromProto(String integer) {
        if (integer == null || integer.isEmpty()) {
            return BigDecimal.ZERO.setScale(PRECISION);
        }
        return new BigDecimal(new BigInteger(integer), PRECISION);
    }
}
