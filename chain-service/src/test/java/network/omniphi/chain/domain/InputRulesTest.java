package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.commons.error.FieldError;

class InputRulesTest {

    // CosmJS vector key (testdata/cosmjs): wallet omni10m40e5xlpnpekaw9g9ru4alppg0g4ppf32j7x9
    static final byte[] PUBKEY = Base64.getDecoder().decode("A2HDJZ8mll0ZfGlOD5Pky3Vb2ZsQjbdnmRbM+7xJRHxJ");
    static final String WALLET = "omni10m40e5xlpnpekaw9g9ru4alppg0g4ppf32j7x9";
    static final String CONSENSUS = "xflYVYYR3UHBAJAXyaw3u4zLoWmFQAH5IkANJ1VmhDg=";

    private final InputRules inputRules = new InputRules(new Addresses("omni", "omnivaloper"));

    static CreateValidatorInput input(String moniker, String rate, String max) {
        return new CreateValidatorInput("setup-1", WALLET, PUBKEY, moniker, "", "", "", "", rate, max, "0.01", "1",
                "omniphi", "1000000", CONSENSUS, "", SignMode.DIRECT);
    }

    @Test
    void acceptsAValidRequestAndDerivesTheOperator() {
        CreateValidatorCommand cmd = inputRules.validate(input("Tom & Jerry <v>", "0.1", "0.2"));

        assertThat(cmd.operatorAddress()).isEqualTo("omnivaloper10m40e5xlpnpekaw9g9ru4alppg0g4ppfhfee3h");
        assertThat(cmd.commission().rate()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(LegacyDec.toProto(cmd.commission().rate())).isEqualTo("100000000000000000");
    }

    @Test
    void countsMonikerLimitInUtf8Bytes() {
        String seventyOneBytes = "é".repeat(35) + "x"; // 35 x 2 bytes + 1 = 71 bytes, 36 chars

        var e = catchThrowableOfType(ChainException.Invalid.class,
                () -> inputRules.validate(input(seventyOneBytes, "0.1", "0.2")));

        assertThat(e.code()).isEqualTo("INVALID_INPUT");
        assertThat(e.errors()).containsExactly(new FieldError("moniker", "must be at most 70 bytes (UTF-8)"));
    }

    @Test
    void refusesCommissionAboveMaxRateAndMalformedDecimals() {
        var e = catchThrowableOfType(ChainException.Invalid.class,
                () -> inputRules.validate(input("v", "0.3", "0.2")));
        var e2 = catchThrowableOfType(ChainException.Invalid.class,
                () -> inputRules.validate(input("v", "1e-1", "0.2")));

        assertThat(e.errors()).containsExactly(new FieldError("commissionRate", "must not exceed maxRate"));
        assertThat(e2.errors()).extracting(FieldError::field).containsExactly("commissionRate");
    }

    @Test
    void refusesASignerKeyThatDoesNotDeriveTheWallet() {
        byte[] other = PUBKEY.clone();
        other[0] = (byte) (other[0] == 2 ? 3 : 2);
        CreateValidatorInput in = new CreateValidatorInput("setup-1", WALLET, other, "v", "", "", "", "", "0.1", "0.2",
                "0.01", "1", "omniphi", "1000000", CONSENSUS, "", SignMode.DIRECT);

        var e = catchThrowableOfType(ChainException.Invalid.class, () -> inputRules.validate(in));

        assertThat(e.code()).isEqualTo("WALLET_PUBKEY_MISMATCH");
    }
}
