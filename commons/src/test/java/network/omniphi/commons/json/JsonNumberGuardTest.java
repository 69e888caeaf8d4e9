package network.omniphi.commons.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import network.omniphi.commons.error.FieldError;

class JsonNumberGuardTest {

    private static java.util.List<FieldError> check(String json) {
        return JsonNumberGuard.check(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesEachOutOfRangeNumberByItsPath() {
        String json = "{\"commissionRate\":1e999999999,\"selfDelegation\":{\"denom\":\"omniphi\",\"amount\":1e-999999999},"
                + "\"list\":[1,2," + "9".repeat(100_000) + "],\"ok\":0.1}";
        assertThat(check(json)).extracting(FieldError::field)
                .containsExactly("commissionRate", "selfDelegation.amount", "list[2]");
        assertThat(check(json)).allSatisfy(e -> assertThat(e.message()).isEqualTo(JsonNumbers.MESSAGE));
    }

    @Test
    void aBareNumberIsTheBody() {
        assertThat(check("1e999999999")).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void acceptsOrdinaryBodiesAndLeavesMalformedOnesToTheBinder() {
        assertThat(check("{\"blockHeight\":18446744073709551615,\"rate\":0.05,\"s\":\"1e999999999\"}")).isEmpty();
        assertThat(check("{\"a\":")).isEmpty();
        assertThat(check("not json")).isEmpty();
        assertThat(JsonNumberGuard.check(new byte[0])).isEmpty();
        assertThat(JsonNumberGuard.check(null)).isEmpty();
    }

    @Test
    void reportsWhatItFoundBeforeTheBodyBreaks() {
        assertThat(check("{\"a\":1e999999999,\"b\":")).extracting(FieldError::field).containsExactly("a");
    }

    @Test
    void aLongRunOfBombsIsReportedBounded() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 5_000; i++) {
            json.append(i == 0 ? "" : ",").append("1e999999999");
        }
        assertThat(check(json.append("]").toString())).hasSize(JsonNumberGuard.MAX_ERRORS)
                .extracting(FieldError::field).startsWith("[0]", "[1]");
    }
}
