package network.omniphi.heartbeat.domain;

import network.omniphi.codec.Bech32;

/** Rules for the {@code omni} account addresses that own local validators. */
public final class WalletAddresses {

    public static final String PREFIX = "omni";

    private WalletAddresses() {
    }

    /** True for a lower-case bech32 {@code omni1...} address with a valid checksum and a 20- or 32-byte payload. */
    public static boolean isValid(String address) {
        return Bech32.addressBytes(address, PREFIX).isPresent();
    }
}
