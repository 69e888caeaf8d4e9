package network.omniphi.commons.cosmos;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** BIP-173 bech32 encoding with checksum, as Cosmos addresses use it (not bech32m). */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATORS = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int MAX_LENGTH = 90;

    /** A decoded address: human-readable part and the data bytes. */
    public record Decoded(String hrp, byte[] data) {
    }

    private Bech32() {
    }

    public static String encode(String hrp, byte[] data) {
        byte[] values = convertBits(data, 8, 5, true);
        byte[] checksum = checksum(hrp, values);
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + values.length + 6).append(hrp).append('1');
        for (byte v : values) {
            sb.append(CHARSET.charAt(v));
        }
        for (byte v : checksum) {
            sb.append(CHARSET.charAt(v));
        }
        return sb.toString();
    }

    /** Decodes and verifies the checksum; throws IllegalArgumentException with a readable reason. */
    public static Decoded decode(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be a bech32 address of at most " + MAX_LENGTH + " characters");
        }
        if (!address.equals(address.toLowerCase(Locale.ROOT)) && !address.equals(address.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("must not mix upper and lower case");
        }
        String s = address.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length()) {
            throw new IllegalArgumentException("is not a bech32 address");
        }
        String hrp = s.substring(0, sep);
        byte[] values = new byte[s.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(s.charAt(sep + 1 + i));
            if (v < 0) {
                throw new IllegalArgumentException("contains a character that bech32 does not use");
            }
            values[i] = (byte) v;
        }
        if (polymod(expand(hrp), values) != 1) {
            throw new IllegalArgumentException("has an invalid bech32 checksum");
        }
        byte[] payload = new byte[values.length - 6];
        System.arraycopy(values, 0, payload, 0, payload.length);
        return new Decoded(hrp, convertBits(payload, 5, 8, false));
    }

    /** Re-encodes the same bytes under another prefix (e.g. omni → omnivaloper). */
    public static String convert(String address, String newHrp) {
        return encode(newHrp, decode(address).data());
    }

    private static byte[] checksum(String hrp, byte[] values) {
        byte[] enlarged = new byte[values.length + 6];
        System.arraycopy(values, 0, enlarged, 0, values.length);
        int mod = polymod(expand(hrp), enlarged) ^ 1;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    private static byte[] expand(String hrp) {
        int n = hrp.length();
        byte[] out = new byte[n * 2 + 1];
        for (int i = 0; i < n; i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("has an invalid prefix");
            }
            out[i] = (byte) (c >> 5);
            out[i + n + 1] = (byte) (c & 31);
        }
        return out;
    }

    private static int polymod(byte[] hrpExpanded, byte[] values) {
        int chk = 1;
        for (byte[] part : new byte[][]{hrpExpanded, values}) {
            for (byte v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ v;
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= GENERATORS[i];
                    }
                }
            }
        }
        return chk;
    }

    private static byte[] convertBits(byte[] data, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * from / to + 1);
        for (byte b : data) {
            int value = b & 0xff;
            if ((value >>> from) != 0) {
                throw new IllegalArgumentException("has invalid data");
            }
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
            throw new IllegalArgumentException("has invalid padding");
        }
        return out.toByteArray();
    }
}
