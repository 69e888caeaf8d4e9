package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.commons.error.FieldError;

/**
 * The gRPC inputs of BuildCreateValidatorTx carry every number as a string: number bombs in each of them are refused
 * by field, fast, before anything converts them.
 */
class NumberBombInputTest {

    private final InputRules validator = new InputRules(new Addresses("omni", "omnivaloper"));

    static Stream<Arguments> bombs() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (String bomb : new String[]{"1e999999999", "1e-999999999", "9".repeat(100_000),
                "0." + "1".repeat(100_000)}) {
            out.add(bomb("commissionRate", bomb, v -> input(v, "0.2", "0.01", "1", "1000000")));
            out.add(bomb("maxRate", bomb, v -> input("0.1", v, "0.01", "1", "1000000")));
            out.add(bomb("maxChangeRate", bomb, v -> input("0.1", "0.2", v, "1", "1000000")));
            out.add(bomb("minSelfDelegation", bomb, v -> input("0.1", "0.2", "0.01", v, "1000000")));
            out.add(bomb("selfDelegation.amount", bomb, v -> input("0.1", "0.2", "0.01", "1", v)));
        }
        return out.build();
    }

    private static Arguments bomb(String field, String value, Function<String, CreateValidatorInput> input) {
        return Arguments.of(field, value.length() > 20 ? value.substring(0, 12) + "..." : value, input.apply(value));
    }

    static CreateValidatorInput input(String rate, String max, String change, String minSelf, String amount) {
        return new CreateValidatorInput("setup-1", InputRulesTest.WALLET, InputRulesTest.PUBKEY, "v", "", "",
                "", "", rate, max, change, minSelf, "omniphi", amount, InputRulesTest.CONSENSUS, "",
                SignMode.DIRECT);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("bombs")
    void aNumberBombIsRefusedByFieldInMilliseconds(String field, String shown, CreateValidatorInput in) {
        long start = System.nanoTime();
        var e = catchThrowableOfType(ChainException.Invalid.class, () -> validator.validate(in));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("INVALID_INPUT");
        assertThat(e.errors()).extracting(FieldError::field).contains(field);
        assertThat(millis).isLessThan(500);
    }
}
