package network.omniphi.codec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Bech32 with the BIP-173 checksum (not bech32m, BIP-350), as Cosmos addresses use it: cosmos-sdk {@code types/bech32}
 * (v0.50, a wrapper over btcutil's {@code bech32.DecodeToBase256} / {@code ConvertAndEncode}). BIP-173 limits a string
 * to 90 characters; the SDK decodes up to 1023 ({@code bech32.DecodeNoLimit}), so the limit is the caller's choice.
 * <p>
 * A defect is a {@link Failure} with a {@link Reason} and a detail; each caller words it its own way (a field error, a
 * Go-style chain error, or simply "no address").
 */
public final class Bech32 {

    /** BIP-173's maximum length of a bech32 string. */
    public static final int BIP173_MAX_LENGTH = 90;
    /** cosmos-sdk {@code types/bech32}'s limit (it decodes without BIP-173's 90-character limit, up to 1023). */
    public static final int COSMOS_MAX_LENGTH = 1023;

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int CHECKSUM_LENGTH = 6;

    /** A decoded string: the human-readable part (lower case) and the payload bytes. */
    public record Decoded(String hrp, byte[] data) {
    }

    /** Why a string is not valid bech32 (BIP-173 "Decoding" rules, in the order they are checked). */
    public enum Reason {
        /** Empty or longer than the limit. */
        LENGTH,
        /** Upper and lower case mixed. */
        MIXED_CASE,
        /** No '1' separator, an empty human-readable part, or fewer than six checksum characters after it. */
        SEPARATOR,
        /** A human-readable-part character outside US-ASCII 33-126. */
        PREFIX_CHARACTER,
        /** A data character outside the bech32 alphabet. */
        DATA_CHARACTER,
        /** The checksum does not verify. */
        CHECKSUM,
        /** The 5-bit groups do not regroup into whole bytes (non-zero or over-long padding). */
        PADDING
    }

    /** A string that is not valid bech32. An {@link IllegalArgumentException}, so callers may treat it as one. */
    public static final class Failure extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final Reason reason;
        private final String detail;

        Failure(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
            this.detail = detail;
        }

        public Reason reason() {
            return reason;
        }

        /** A readable English phrase about the defect ("has an invalid bech32 checksum"). */
        public String detail() {
            return detail;
        }
    }

    private Bech32() {
    }

    public static String encode(String hrp, byte[] data) {
        byte[] values = regroup(data, 8, 5, true);
        byte[] checksum = checksum(hrp, values);
        StringBuilder out = new StringBuilder(hrp.length() + 1 + values.length + CHECKSUM_LENGTH).append(hrp)
                .append('1');
        for (byte v : values) {
            out.append(CHARSET.charAt(v));
        }
        for (byte v : checksum) {
            out.append(CHARSET.charAt(v));
        }
        return out.toString();
    }

    /** Decodes a string of at most {@link #BIP173_MAX_LENGTH} characters; throws {@link Failure} on any defect. */
    public static Decoded decode(String text) {
        return decode(text, BIP173_MAX_LENGTH);
    }

    /** Decodes a string of at most {@code maxLength} characters and verifies its checksum; {@link Failure} if not. */
    public static Decoded decode(String text, int maxLength) {
        if (text == null || text.isEmpty() || text.length() > maxLength) {
            throw new Failure(Reason.LENGTH, "must be a bech32 address of at most " + maxLength + " characters");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!text.equals(lower) && !text.equals(text.toUpperCase(Locale.ROOT))) {
            throw new Failure(Reason.MIXED_CASE, "must not mix upper and lower case");
        }
        int separator = lower.lastIndexOf('1');
        if (separator < 1 || separator + 1 + CHECKSUM_LENGTH > lower.length()) {
            throw new Failure(Reason.SEPARATOR, "is not a bech32 address");
        }
        String hrp = lower.substring(0, separator);
        for (int i = 0; i < hrp.length(); i++) {
            if (hrp.charAt(i) < 33 || hrp.charAt(i) > 126) {
                throw new Failure(Reason.PREFIX_CHARACTER, "has an invalid prefix");
            }
        }
        byte[] values = new byte[lower.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(lower.charAt(separator + 1 + i));
            if (v < 0) {
                throw new Failure(Reason.DATA_CHARACTER, "contains a character that bech32 does not use");
            }
            values[i] = (byte) v;
        }
        if (polymod(hrp, values, 0) != 1) {
            throw new Failure(Reason.CHECKSUM, "has an invalid bech32 checksum");
        }
        return new Decoded(hrp, regroup(Arrays.copyOf(values, values.length - CHECKSUM_LENGTH), 5, 8, false));
    }

    /**
     * The payload of an address as the suite accepts it from users: lower case (the form wallets show and that is
     * signed over), this {@code prefix}, a valid checksum and 20 bytes (a key's RIPEMD160(SHA256) hash) or 32 bytes
     * (cosmos-sdk {@code types/address} {@code Module}/{@code Derive} addresses). Empty otherwise.
     */
    public static Optional<byte[]> addressBytes(String address, String prefix) {
        if (address == null || !address.equals(address.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            Decoded decoded = decode(address);
            int length = decoded.data().length;
            return decoded.hrp().equals(prefix) && (length == 20 || length == 32)
                    ? Optional.of(decoded.data())
                    : Optional.empty();
        } catch (Failure e) {
            return Optional.empty();
        }
    }

    /** Re-encodes the same bytes under another prefix (e.g. omni → omnivaloper). */
    public static String convert(String address, String newHrp) {
        return encode(newHrp, decode(address).data());
    }

    private static byte[] checksum(String hrp, byte[] values) {
        int mod = polymod(hrp, values, CHECKSUM_LENGTH) ^ 1;
        byte[] out = new byte[CHECKSUM_LENGTH];
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    /** BIP-173 {@code bech32_polymod} over hrp_expand(hrp) || values || {@code zeros} zero values. */
    private static int polymod(String hrp, byte[] values, int zeros) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (byte v : values) {
            chk = step(chk, v);
        }
        for (int i = 0; i < zeros; i++) {
            chk = step(chk, 0);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        int next = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= GENERATOR[i];
            }
        }
        return next;
    }

    /** BIP-173 {@code convertbits}: regroups {@code from}-bit values into {@code to}-bit values. */
    private static byte[] regroup(byte[] data, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * from / to + 1);
        for (byte b : data) {
            int value = b & 0xff;
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
            throw new Failure(Reason.PADDING, "has invalid padding");
        }
        return out.toByteArray();
    }
}
