package network.omniphi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BIP-173 "Test vectors" (valid and invalid bech32 strings) and the address rules the suite adds on top. */
class Bech32Test {

    @ParameterizedTest
    @ValueSource(strings = {"A12UEL5L", "a12uel5l",
            "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
            "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
            "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl"})
    void acceptsTheValidBip173Strings(String valid) {
        Bech32.Decoded decoded = Bech32.decode(valid);
        assertThat(decoded.hrp()).isEqualTo(valid.substring(0, valid.lastIndexOf('1')).toLowerCase());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\u00201nwldj5'|PREFIX_CHARACTER",
            "\u007f1axkwrx|PREFIX_CHARACTER",
            "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx|LENGTH",
            "pzry9x0s0muk|SEPARATOR",
            "1pzry9x0s0muk|SEPARATOR",
            "x1b4n0q5v|DATA_CHARACTER",
            "li1dgmt3|SEPARATOR",
            "A1G7SGD8|CHECKSUM",
            "10a06t8|SEPARATOR",
            "1qzzfhee|SEPARATOR"})
    void refusesTheInvalidBip173StringsWithTheirReason(String invalid, Bech32.Reason reason) {
        assertThatThrownBy(() -> Bech32.decode(invalid)).isInstanceOfSatisfying(Bech32.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(reason));
    }

    @Test
    void namesMixedCaseAndBadPaddingAndKeepsAReadableDetail() {
        String good = Bech32.encode("omni", new byte[20]);
        assertThatThrownBy(() -> Bech32.decode("Omni1" + good.substring(5))).isInstanceOfSatisfying(
                Bech32.Failure.class, f -> {
                    assertThat(f.reason()).isEqualTo(Bech32.Reason.MIXED_CASE);
                    assertThat(f.detail()).isEqualTo("must not mix upper and lower case").isEqualTo(f.getMessage());
                });
        // a data value of non-zero left-over bits, and two values (10 bits: 8 plus 2 of non-zero padding)
        assertThat(Bech32.decode(withChecksum("omni", new byte[]{0, 0})).data()).containsExactly(0);
        assertThatThrownBy(() -> Bech32.decode(withChecksum("omni", new byte[]{0, 1})))
                .isInstanceOfSatisfying(Bech32.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(Bech32.Reason.PADDING));
        // five bits or more left over: a whole 5-bit group of padding
        assertThatThrownBy(() -> Bech32.decode(withChecksum("omni", new byte[]{0})))
                .isInstanceOfSatisfying(Bech32.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(Bech32.Reason.PADDING));
        assertThatThrownBy(() -> Bech32.decode("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLengthLimitIsTheCallers() {
        String long100 = Bech32.encode("omni", new byte[60]);
        assertThat(long100.length()).isGreaterThan(Bech32.BIP173_MAX_LENGTH);
        assertThatThrownBy(() -> Bech32.decode(long100)).isInstanceOfSatisfying(Bech32.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(Bech32.Reason.LENGTH));
        assertThat(Bech32.decode(long100, Bech32.COSMOS_MAX_LENGTH).data()).hasSize(60);
    }

    // The Cosmos Hub address of the all-zero 20-byte key hash, a widely published fact
    @Test
    void encodesCosmosAddressesAndConvertsPrefixes() {
        assertThat(Bech32.encode("cosmos", new byte[20])).isEqualTo("cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a");
        byte[] bytes = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
        String valoper = Bech32.convert(Bech32.encode("omni", bytes), "omnivaloper");
        assertThat(valoper).startsWith("omnivaloper1");
        assertThat(Bech32.decode(valoper).data()).isEqualTo(bytes);
    }

    @Test
    void addressBytesWantsLowerCaseThePrefixAndTwentyOrThirtyTwoBytes() {
        // the address of docs/heartbeat-protocol.md
        assertThat(Bech32.addressBytes("omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd", "omni"))
                .hasValueSatisfying(b -> assertThat(b)
                        .isEqualTo(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f10111213")));
        assertThat(Bech32.addressBytes("omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsye", "omni")).isEmpty();
        assertThat(Bech32.addressBytes("OMNI1QQQSYQCYQ5RQWZQFPG9SCRGWPUGPZYSNNUQSYD", "omni")).isEmpty();
        assertThat(Bech32.addressBytes("omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd", "cosmos")).isEmpty();
        assertThat(Bech32.addressBytes(Bech32.encode("omni", new byte[32]), "omni")).isPresent();
        assertThat(Bech32.addressBytes(Bech32.encode("omni", new byte[21]), "omni")).isEmpty();
        assertThat(Bech32.addressBytes("omni1", "omni")).isEmpty();
        assertThat(Bech32.addressBytes(null, "omni")).isEmpty();
    }

    /** A string whose checksum is right over {@code values} (5-bit groups as given, no regrouping). */
    private static String withChecksum(String hrp, byte[] values) {
        // BIP-173 bech32_create_checksum over hrp_expand(hrp) || values || six zeros
        int[] expanded = new int[hrp.length() * 2 + 1 + values.length + 6];
        for (int i = 0; i < hrp.length(); i++) {
            expanded[i] = hrp.charAt(i) >> 5;
            expanded[hrp.length() + 1 + i] = hrp.charAt(i) & 31;
        }
        for (int i = 0; i < values.length; i++) {
            expanded[hrp.length() * 2 + 1 + i] = values[i];
        }
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : expanded) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                chk ^= ((top >>> i) & 1) != 0 ? gen[i] : 0;
            }
        }
        int mod = chk ^ 1;
        String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        StringBuilder s = new StringBuilder(hrp).append('1');
        for (byte v : values) {
            s.append(charset.charAt(v));
        }
        for (int i = 0; i < 6; i++) {
            s.append(charset.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return s.toString();
    }
}
