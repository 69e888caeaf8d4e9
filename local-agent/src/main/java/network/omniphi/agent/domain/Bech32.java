package network.omniphi.agent.domain;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Checks bech32 account addresses (BIP-173, the encoding cosmos-sdk types/bech32 uses; not bech32m). Only decoding:
 * the agent never makes addresses, it checks the ones the portal gives it.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    /** The address's payload bytes if it is a valid lower-case bech32 string with this prefix; otherwise null. */
    public static byte[] decode(String address, String prefix) {
        if (address == null || address.length() > 90 || !address.equals(address.toLowerCase(Locale.ROOT))) {
            return null;
        }
        int sep = address.lastIndexOf('1');
        if (sep < 1 || sep + 7 > address.length() || !address.substring(0, sep).equals(prefix)) {
            return null;
        }
        int[] data = new int[address.length() - sep - 1];
        for (int i = 0; i < data.length; i++) {
            int v = CHARSET.indexOf(address.charAt(sep + 1 + i));
            if (v < 0) {
                return null;
            }
            data[i] = v;
        }
        if (polymod(prefix, data) != 1) {
            return null;
        }
        return convert5to8(data, data.length - 6);
    }

    private static int polymod(String hrp, int[] data) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (int v : data) {
            chk = step(chk, v);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) == 1) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    private static byte[] convert5to8(int[] data, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            acc = (acc << 5) | data[i];
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >> bits) & 0xff);
            }
        }
        if (bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0) {
            return null;
        }
        return out.toByteArray();
    }
}
