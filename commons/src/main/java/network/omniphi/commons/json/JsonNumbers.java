package network.omniphi.commons.json;

import java.math.BigDecimal;

/**
 * Bounds on a number before anything converts or renders it. A JSON number such as {@code 1e999999999} is 11
 * characters but renders as a billion digits ({@code BigDecimal.toPlainString}, {@code setScale}), and a 100,000-digit
 * literal costs quadratic time to convert; both are refused here from their text alone, in time linear in at most
 * {@link #MAX_TEXT_CHARS} characters.
 *
 * <p>
 * No field of the suite's APIs needs more: the largest integers are uint64 heights and Cosmos {@code Int} amounts
 * (x/staking amounts are sent as strings of at most 77 digits, never as JSON numbers), and rates are LegacyDec with 18
 * decimals (cosmos-sdk {@code math/legacy_dec.go}, {@code LegacyPrecision = 18}).
 */
public final class JsonNumbers {

    /** Most digits of the mantissa (integer and fraction digits together, leading zeros included). */
    public static final int MAX_DIGITS = 40;

    /** Largest magnitude of the exponent ({@code e}/{@code E} part). */
    public static final int MAX_EXPONENT = 40;

    /** Longest number text looked at; longer texts are refused without reading them. */
    public static final int MAX_TEXT_CHARS = MAX_DIGITS + 8;

    /** The message a refused number gets in {@code errors[].message}. */
    public static final String MESSAGE = "is out of range: a number may have at most " + MAX_DIGITS
            + " digits and an exponent of at most " + MAX_EXPONENT;

    private JsonNumbers() {
    }

    /**
     * True when a number text (JSON grammar: optional sign, digits, optional fraction, optional exponent) stays within
     * the bounds. Texts that are not numbers at all answer true: their grammar is the parser's or the field rule's
     * business, this check only guards the size.
     */
    public static boolean withinBounds(CharSequence text) {
        int length = text.length();
        if (length > MAX_TEXT_CHARS) {
            return false;
        }
        int digits = 0;
        int i = 0;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '.') {
                break;
            }
        }
        if (digits > MAX_DIGITS) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            return exponentWithinBounds(text, i + 1);
        }
        return true;
    }

    /** True when an already converted decimal stays within the same bounds (precision and scale). */
    public static boolean withinBounds(BigDecimal value) {
        return value.precision() <= MAX_DIGITS && Math.abs((long) value.scale()) <= MAX_DIGITS + MAX_EXPONENT;
    }

    private static boolean exponentWithinBounds(CharSequence text, int start) {
        int i = start;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        long exponent = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return true;
            }
            exponent = exponent * 10 + (c - '0');
            if (exponent > MAX_EXPONENT) {
                return false;
            }
        }
        return true;
    }
}
