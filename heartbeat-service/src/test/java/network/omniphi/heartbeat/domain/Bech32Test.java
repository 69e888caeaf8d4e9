package network.omniphi.heartbeat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Bech32Test {

    @ParameterizedTest
    @ValueSource(strings = {"a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
            "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w"})
    void acceptsBip173ValidVectors(String valid) {
        assertThat(Bech32.decode(valid)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a12uel5m", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx", "A12UEL5l", "1nwldj5",
            "pzry9x0s0muk", "a1b2c3d4", ""})
    void refusesBadChecksumsMixedCaseAndMalformed(String invalid) {
        assertThat(Bech32.decode(invalid)).isEmpty();
    }

    @Test
    void roundTripsAnOmniAccount() {
        byte[] account = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f10111213");
        String address = Bech32.encode("omni", account);
        assertThat(address).isEqualTo("omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd");
        assertThat(Bech32.decode(address)).hasValueSatisfying(d -> {
            assertThat(d.hrp()).isEqualTo("omni");
            assertThat(d.data()).isEqualTo(account);
        });
    }

    @Test
    void walletRulesNeedOmniPrefixAndAccountLength() {
        byte[] account = new byte[20];
        assertThat(WalletAddresses.isValid(Bech32.encode("omni", account))).isTrue();
        assertThat(WalletAddresses.isValid(Bech32.encode("cosmos", account))).isFalse();
        assertThat(WalletAddresses.isValid(Bech32.encode("omni", new byte[19]))).isFalse();
        assertThat(WalletAddresses.isValid(Bech32.encode("omnivaloper", account))).isFalse();
        String valid = Bech32.encode("omni", account);
        String flipped = valid.substring(0, valid.length() - 1) + (valid.endsWith("q") ? "p" : "q");
        assertThat(WalletAddresses.isValid(flipped)).isFalse();
    }
}
