package network.omniphi.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import network.omniphi.commons.error.FieldError;

/**
 * Create-validator-tx rules by cosmos-sdk v0.50 x/staking (types/commission.go {@code Validate}: rates in [0,1],
 * maxChangeRate &lt;= maxRate, rate &lt;= maxRate; msg.go: self-delegation &gt;= minSelfDelegation, bond denom;
 * types/staking.go: identity 3000 bytes, security contact 140 bytes).
 */
class ChainTxRulesTest {

    static CreateValidatorTxCommand cmd(String denom, String amount, String max, String change, String min,
            String signMode) {
        return new CreateValidatorTxCommand(denom, amount, max, change, min, signMode, null, null);
    }

    static List<String> fields(CreateValidatorTxCommand cmd) {
        return ChainTxRules.check(cmd, "omniphi").stream().map(FieldError::field).toList();
    }

    @Test
    void aValidRequestHasNoErrors() {
        assertThat(ChainTxRules.check(cmd("omniphi", "1000000", "0.2", "0.01", "1", null), "omniphi")).isEmpty();
        assertThat(fields(cmd("omniphi", "1", "1", "1", "1", "amino"))).isEmpty();
    }

    @Test
    void theDenomMustBeTheBondDenom() {
        assertThat(ChainTxRules.check(cmd("uatom", "1000", "0.2", "0.01", "1", null), "omniphi"))
                .containsExactly(new FieldError("selfDelegation.denom", "must be the bond denom 'omniphi'"));
        assertThat(fields(cmd("1x", "1000", "0.2", "0.01", "1", null))).containsExactly("selfDelegation.denom");
    }

    @Test
    void amountsArePositiveIntegerStringsAndTheSelfDelegationCoversTheMinimum() {
        assertThat(fields(cmd("omniphi", "0", "0.2", "0.01", "1", null))).containsExactly("selfDelegation.amount");
        assertThat(fields(cmd("omniphi", "1.5", "0.2", "0.01", "1", null))).containsExactly("selfDelegation.amount");
        assertThat(fields(cmd("omniphi", "10", "0.2", "0.01", "-1", null))).containsExactly("minSelfDelegation");
        assertThat(ChainTxRules.check(cmd("omniphi", "9", "0.2", "0.01", "10", null), "omniphi"))
                .containsExactly(new FieldError("selfDelegation.amount", "must be at least minSelfDelegation"));
    }

    @Test
    void ratesAreDecimalsInZeroToOneAndTheChangeRateNeverExceedsTheMax() {
        assertThat(fields(cmd("omniphi", "10", "1.1", "0.01", "1", null))).containsExactly("maxRate");
        assertThat(fields(cmd("omniphi", "10", "0.2", "0.1234567890123456789", "1", null)))
                .containsExactly("maxChangeRate");
        assertThat(ChainTxRules.check(cmd("omniphi", "10", "0.2", "0.3", "1", null), "omniphi"))
                .containsExactly(new FieldError("maxChangeRate", "must not exceed maxRate"));
    }

    @Test
    void onlyDirectAndAminoSignModes() {
        assertThat(fields(cmd("omniphi", "10", "0.2", "0.1", "1", "textual"))).containsExactly("signMode");
    }

    @Test
    void identityAndSecurityContactHaveTheirByteLimits() {
        var tooLongContact = new CreateValidatorTxCommand("omniphi", "10", "0.2", "0.1", "1", null, null,
                "x".repeat(141));
        assertThat(fields(tooLongContact)).containsExactly("securityContact");
    }

    @Test
    void theSetupsCommissionMustNotExceedMaxRate() {
        var c = cmd("omniphi", "10", "0.2", "0.1", "1", null);
        assertThat(ChainTxRules.checkAgainst(c, new BigDecimal("0.20"))).isEmpty();
        assertThat(ChainTxRules.checkAgainst(c, new BigDecimal("0.25")))
                .containsExactly(new FieldError("maxRate", "must be at least the setup's commission rate 0.25"));
    }
}
