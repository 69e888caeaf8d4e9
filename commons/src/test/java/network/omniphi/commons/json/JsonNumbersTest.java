package network.omniphi.commons.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.1", "-0.1", "1", "18446744073709551615", "0.000000000000000001", "1e40", "1E-40",
            "1e+40", "0.100000000000000000", "9999999999999999999999999999999999999999", "1.5e007"})
    void acceptsNumbersTheApisUse(String text) {
        assertThat(JsonNumbers.withinBounds(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "1E41", "1e-41", "-1e99999999999999999999",
            "99999999999999999999999999999999999999999", "0.00000000000000000000000000000000000000001"})
    void refusesNumbersByScaleAndPrecision(String text) {
        assertThat(JsonNumbers.withinBounds(text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void refusesAHundredThousandDigitsWithoutReadingThem() {
        String huge = "7".repeat(100_000);
        long start = System.nanoTime();
        assertThat(JsonNumbers.withinBounds(huge)).isFalse();
        assertThat(JsonNumbers.withinBounds("0." + huge)).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(50_000_000L);
    }

    @org.junit.jupiter.api.Test
    void boundsConvertedDecimalsByPrecisionAndScale() {
        assertThat(JsonNumbers.withinBounds(new BigDecimal("0.10"))).isTrue();
        assertThat(JsonNumbers.withinBounds(new BigDecimal("1e999999999"))).isFalse();
        assertThat(JsonNumbers.withinBounds(new BigDecimal("1e-999999999"))).isFalse();
        assertThat(JsonNumbers.withinBounds(new BigDecimal("1".repeat(41)))).isFalse();
    }
}
