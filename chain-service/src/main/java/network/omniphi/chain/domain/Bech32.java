package network.omniphi.chain.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** BIP-173 bech32 (the variant Cosmos addresses use): encoding, decoding and checksum verification. */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int MAX_LENGTH = 90;

    /** A decoded address: its human-readable prefix and the payload bytes. */
    public record Decoded(String prefix, byte[] data) {
    }

    private Bech32() {
    }

    public static String encode(String prefix, byte[] data) {
        byte[] values = convertBits(data, 8, 5, true);
        byte[] checksum = checksum(prefix, values);
        StringBuilder sb = new StringBuilder(prefix.length() + 1 + values.length + 6).append(prefix).append('1');
        for (byte v : values) {
            sb.append(CHARSET.charAt(v));
        }
        for (byte v : checksum) {
            sb.append(CHARSET.charAt(v));
        }
        return sb.toString();
    }

    /** Decodes and verifies the checksum; throws {@link IllegalArgumentException} with the reason on any defect. */
    public static Decoded decode(String address) {
        if (address == null || address.length() < 8 || address.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("bech32 address must be 8..90 characters");
        }
        String lower = address.toLowerCase(Locale.ROOT);
        if (!lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
            throw new IllegalArgumentException("bech32 address mixes upper and lower case");
        }
        int sep = lower.lastIndexOf('1');
        if (sep < 1 || sep + 7 > lower.length()) {
            throw new IllegalArgumentException("bech32 separator misplaced");
        }
        String prefix = lower.substring(0, sep);
        byte[] values = new byte[lower.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int idx = CHARSET.indexOf(lower.charAt(sep + 1 + i));
            if (idx < 0) {
                throw new IllegalArgumentException("invalid bech32 character");
            }
            values[i] = (byte) idx;
        }
        if (polymod(expand(prefix), values) != 1) {
            throw new IllegalArgumentException("bech32 checksum mismatch");
        }
        byte[] payload = new byte[values.length - 6];
        System.arraycopy(values, 0, payload, 0, payload.length);
        return new Decoded(prefix, convertBits(payload, 5, 8, false));
    }

    private static byte[] checksum(String prefix, byte[] values) {
        byte[] padded = new byte[values.length + 6];
        System.arraycopy(values, 0, padded, 0, values.length);
        int mod = polymod(expand(prefix), padded) ^ 1;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    private static byte[] expand(String prefix) {
        byte[] hrp = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[hrp.length * 2 + 1];
        for (int i = 0; i < hrp.length; i++) {
            out[i] = (byte) ((hrp[i] & 0xff) >>> 5);
            out[i + hrp.length + 1] = (byte) (hrp[i] & 31);
        }
        return out;
    }

    private static int polymod(byte[] first, byte[] second) {
        int chk = 1;
        for (byte[] part : new byte[][]{first, second}) {
            for (byte v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ v;
                for (int i = 0; i < 5; i++) {
                    chk ^= ((top >>> i) & 1) != 0 ? GENERATOR[i] : 0;
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
            acc = (acc << from) | (b & 0xff);
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad && bits > 0) {
            out.write((acc << (to - bits)) & maxv);
        } else if (!pad && (bits >= from || ((acc << (to - bits)) & maxv) != 0)) {
            throw new IllegalArgumentException("bech32 payload has invalid padding");
        }
        return out.toByteArray();
    }
}
