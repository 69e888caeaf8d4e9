package network.omniphi.heartbeat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import network.omniphi.codec.Bech32;

class WalletAddressesTest {

    @Test
    void acceptsOmniAccountsOfTwentyAndThirtyTwoBytes() {
        assertThat(WalletAddresses.isValid(Bech32.encode("omni", new byte[20]))).isTrue();
        assertThat(WalletAddresses.isValid(Bech32.encode("omni", new byte[32]))).isTrue();
    }

    @Test
    void refusesOtherPrefixesLengthsAndChecksums() {
        byte[] account = new byte[20];
        assertThat(WalletAddresses.isValid(Bech32.encode("cosmos", account))).isFalse();
        assertThat(WalletAddresses.isValid(Bech32.encode("omni", new byte[19]))).isFalse();
        assertThat(WalletAddresses.isValid(Bech32.encode("omnivaloper", account))).isFalse();
        String valid = Bech32.encode("omni", account);
        String flipped = valid.substring(0, valid.length() - 1) + (valid.endsWith("q") ? "p" : "q");
        assertThat(WalletAddresses.isValid(flipped)).isFalse();
    }

    @Test
    void refusesUpperCaseEvenWhenTheChecksumHolds() {
        String valid = Bech32.encode("omni", new byte[20]);
        assertThat(WalletAddresses.isValid(valid.toUpperCase())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "omni", "omni1", "1nwldj5", "omni1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"})
    void refusesMalformedAddresses(String address) {
        assertThat(WalletAddresses.isValid(address)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(WalletAddresses.isValid(null)).isFalse();
    }
}
