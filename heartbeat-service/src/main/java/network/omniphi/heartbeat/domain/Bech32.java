package network.omniphi.heartbeat.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Bech32 (BIP-173, the original checksum constant that Cosmos addresses use) encoding and checked decoding. Only
 * the lower-case form is accepted, as Cosmos renders it.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int MAX_LENGTH = 90;

    /** Human-readable part and the 8-bit payload of a decoded address. */
    public record Decoded(String hrp, byte[] data) {
    }

    private Bech32() {
    }

    /** Decodes a lower-case bech32 string whose checksum is valid; empty when it is malformed in any way. */
    public static Optional<Decoded> decode(String text) {
        if (text == null || text.length() < 8 || text.length() > MAX_LENGTH || !text.equals(text.toLowerCase())) {
            return Optional.empty();
        }
        int sep = text.lastIndexOf('1');
        if (sep < 1 || sep + 7 > text.length()) {
            return Optional.empty();
        }
        String hrp = text.substring(0, sep);
        for (char c : hrp.toCharArray()) {
            if (c < 33 || c > 126) {
                return Optional.empty();
            }
        }
        byte[] values = new byte[text.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(text.charAt(sep + 1 + i));
            if (v < 0) {
                return Optional.empty();
            }
            values[i] = (byte) v;
        }
        if (polymod(expand(hrp), values) != 1) {
            return Optional.empty();
        }
        byte[] words = java.util.Arrays.copyOf(values, values.length - 6);
        return convertBits(words, 5, 8, false).map(data -> new Decoded(hrp, data));
    }

    /** Encodes 8-bit data under a human-readable part. */
    public static String encode(String hrp, byte[] data) {
        byte[] words = convertBits(data, 8, 5, true).orElseThrow();
        byte[] checksumInput = java.util.Arrays.copyOf(words, words.length + 6);
        int mod = polymod(expand(hrp), checksumInput) ^ 1;
        StringBuilder sb = new StringBuilder(hrp).append('1');
        for (byte w : words) {
            sb.append(CHARSET.charAt(w));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    private static byte[] expand(String hrp) {
        byte[] ascii = hrp.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[ascii.length * 2 + 1];
        for (int i = 0; i < ascii.length; i++) {
            out[i] = (byte) ((ascii[i] & 0xff) >>> 5);
            out[i + ascii.length + 1] = (byte) (ascii[i] & 31);
        }
        return out;
    }

    private static int polymod(byte[] expandedHrp, byte[] values) {
        int chk = 1;
        for (byte[] part : new byte[][]{expandedHrp, values}) {
            for (byte b : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ (b & 0xff);
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= GENERATOR[i];
                    }
                }
            }
        }
        return chk;
    }

    private static Optional<byte[]> convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxValue = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
        for (byte b : in) {
            acc = (acc << from) | (b & 0xff);
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxValue);
            }
        }
        if (pad && bits > 0) {
            out.write((acc << (to - bits)) & maxValue);
        } else if (!pad && (bits >= from || ((acc << (to - bits)) & maxValue) != 0)) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }
}
