package network.omniphi.chain.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * SIGN_MODE_DIRECT sign bytes: the protobuf encoding of SignDoc{1: body_bytes, 2: auth_info_bytes, 3: chain_id,
 * 4: account_number}, written by hand (default values omitted as protobuf does) so the domain needs no codec.
 */
public final class SignBytes {

    private SignBytes() {
    }

    public static byte[] direct(byte[] bodyBytes, byte[] authInfoBytes, String chainId, long accountNumber) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bodyBytes.length + authInfoBytes.length + 64);
        lengthDelimited(out, 1, bodyBytes);
        lengthDelimited(out, 2, authInfoBytes);
        lengthDelimited(out, 3, chainId.getBytes(StandardCharsets.UTF_8));
        if (accountNumber != 0) {
            varint(out, (4 << 3));
            varint(out, accountNumber);
        }
        return out.toByteArray();
    }

    private static void lengthDelimited(ByteArrayOutputStream out, int field, byte[] value) {
        if (value.length == 0) {
            return;
        }
        varint(out, (field << 3) | 2);
        varint(out, value.length);
        out.writeBytes(value);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
