package network.omniphi.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Bech32Test {

    @Test
    void decodesTheProtocolDocsAddress() {
        assertThat(Bech32.decode("omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd", "omni"))
                .isEqualTo(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f10111213"));
    }

    @Test
    void refusesBadChecksumsCasePrefixAndCharacters() {
        assertThat(Bech32.decode("omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsye", "omni")).isNull();
        assertThat(Bech32.decode("OMNI1QQQSYQCYQ5RQWZQFPG9SCRGWPUGPZYSNNUQSYD", "omni")).isNull();
        assertThat(Bech32.decode("omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyd", "cosmos")).isNull();
        assertThat(Bech32.decode("omni1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnnuqsyb", "omni")).isNull();
        assertThat(Bech32.decode("omni1", "omni")).isNull();
        assertThat(Bech32.decode(null, "omni")).isNull();
    }
}
