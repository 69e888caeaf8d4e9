package network.omniphi.heartbeat.domain;

import java.util.Locale;

import network.omniphi.commons.cosmos.Bech32;

/** Rules for the {@code omni} account addresses that own local validators. */
public final class WalletAddresses {

    public static final String PREFIX = "omni";

    private WalletAddresses() {
    }

    /** True for a lower-case bech32 {@code omni1...} address with a valid checksum and a 20- or 32-byte payload. */
    public static boolean isValid(String address) {
        if (address == null || !address.equals(address.toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            Bech32.Decoded d = Bech32.decode(address);
            return PREFIX.equals(d.hrp()) && (d.data().length == 20 || d.data().length == 32);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
