package network.omniphi.commons.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Bech32Test {

    // BIP-173 test vector: valid checksum
    @Test
    void decodesBip173Vector() {
        Bech32.Decoded d = Bech32.decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
        assertThat(d.hrp()).isEqualTo("abcdef");
    }

    // The Cosmos Hub address of the all-zero 20-byte key hash, a widely published fact
    @Test
    void encodesCosmosAddress() {
        byte[] zero = new byte[20];
        String addr = Bech32.encode("cosmos", zero);
        assertThat(addr).isEqualTo("cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a");
        assertThat(Bech32.decode(addr).data()).isEqualTo(zero);
    }

    @Test
    void roundTripsAndConvertsPrefix() {
        byte[] bytes = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
        String omni = Bech32.encode("omni", bytes);
        String valoper = Bech32.convert(omni, "omnivaloper");
        assertThat(valoper).startsWith("omnivaloper1");
        assertThat(Bech32.decode(valoper).data()).isEqualTo(bytes);
    }

    @Test
    void rejectsBadChecksumMixedCaseAndBadCharacters() {
        String good = Bech32.encode("omni", new byte[20]);
        String flipped = good.substring(0, good.length() - 1) + (good.endsWith("q") ? "p" : "q");
        assertThatThrownBy(() -> Bech32.decode(flipped)).hasMessageContaining("checksum");
        assertThatThrownBy(() -> Bech32.decode("Omni1" + good.substring(5))).hasMessageContaining("case");
        assertThatThrownBy(() -> Bech32.decode("omni1bbbbbbbbb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bech32.decode("")).isInstanceOf(IllegalArgumentException.class);
    }
}
