package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Bech32Test {

    @Test
    void roundTripsAndMatchesTheBip173Vector() {
        // BIP-173 test vector (segwit v0 program aside, plain bech32 of 20 bytes)
        byte[] data = HexFormat.of().parseHex("751e76e8199196d454941c45d1b3a323f1433bd6");
        String encoded = Bech32.encode("bc", data);

        assertThat(Bech32.decode(encoded).data()).isEqualTo(data);
        assertThat(Bech32.decode("A12UEL5L").prefix()).isEqualTo("a");
    }

    @Test
    void rejectsABadChecksumAndMixedCase() {
        String valid = "omni10m40e5xlpnpekaw9g9ru4alppg0g4ppf32j7x9";

        assertThatThrownBy(() -> Bech32.decode(valid.substring(0, valid.length() - 1) + "8"))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> Bech32.decode("Omni10m40e5xlpnpekaw9g9ru4alppg0g4ppf32j7x9"))
                .hasMessageContaining("case");
    }

    @Test
    void legacyDecNeverGoesThroughDouble() {
        assertThat(LegacyDec.toProto(LegacyDec.parse("0.1"))).isEqualTo("100000000000000000");
        assertThat(LegacyDec.toAmino(LegacyDec.parse("1"))).isEqualTo("1.000000000000000000");
        assertThat(LegacyDec.fromProto("50000000000000000")).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThatThrownBy(() -> LegacyDec.parse("0.1234567890123456789")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
