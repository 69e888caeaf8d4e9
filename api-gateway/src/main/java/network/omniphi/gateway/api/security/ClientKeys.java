package network.omniphi.gateway.api.security;

import java.util.HexFormat;
import java.util.Locale;

import io.netty.util.NetUtil;

/**
 * The rate-limit key of a client address. IPv4 addresses count one by one; IPv6 addresses count by their /64 prefix,
 * the smallest block a provider assigns to one subscriber (RFC 6177, RFC 7421), so one host cannot get a fresh bucket
 * from each of its 2^64 addresses. IPv4-mapped IPv6 addresses count as their IPv4 address. Parsing never resolves a
 * name (Netty's literal parser), so an odd forwarded value cannot cause a DNS lookup on the event loop; anything that
 * is not an IP literal is keyed by its text.
 */
public final class ClientKeys {

    static final int MAX_OTHER_CHARS = 64;

    private ClientKeys() {
    }

    public static String of(String hostAddress) {
        if (hostAddress == null || hostAddress.isEmpty()) {
            return "unknown";
        }
        String literal = hostAddress;
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            String text = hostAddress.toLowerCase(Locale.ROOT);
            return "other:" + (text.length() > MAX_OTHER_CHARS ? text.substring(0, MAX_OTHER_CHARS) : text);
        }
        if (bytes.length == 4) {
            return ipv4(bytes, 0);
        }
        if (isIpv4Mapped(bytes)) {
            return ipv4(bytes, 12);
        }
        return "ipv6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    private static String ipv4(byte[] b, int at) {
        return "ipv4:" + (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "."
                + (b[at + 3] & 0xff);
    }
}
