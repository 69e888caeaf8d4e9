package network.omniphi.devnet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import network.omniphi.devnet.domain.tx.Coin;
import network.omniphi.devnet.domain.tx.CommissionRates;
import network.omniphi.devnet.domain.tx.Description;
import network.omniphi.devnet.domain.tx.MsgCreateValidator;
import network.omniphi.devnet.testing.TestChain;
import network.omniphi.devnet.testing.TestSigner;

/**
 * MsgCreateValidator's stateless rules as cosmos-sdk v0.50 applies them in the block: x/staking/types/msg.go
 * {@code Validate}, types/commission.go {@code CommissionRates.Validate}, types/staking.go description limits (bytes),
 * keeper/msg_server.go CreateValidator (min commission, bond denom, ed25519 consensus key of 32 bytes), each with its
 * registered error (types/errors.go).
 */
class CreateValidatorRulesTest {

    static final TestSigner ALICE = TestSigner.named("alice");
    final CreateValidatorRules rules = new CreateValidatorRules(TestChain.params(10));

    static MsgCreateValidator msg(UnaryOperator<Builder> change) {
        return change.apply(new Builder()).build();
    }

    /** Rates are LegacyDec wire strings (18 implied decimals): 0.1 = 100000000000000000. */
    static final class Builder {
        Description description = new Description("validator", "", "", "", "");
        CommissionRates rates = new CommissionRates("100000000000000000", "200000000000000000",
                "10000000000000000");
        String minSelf = "1";
        String delegator = "";
        String operator = ALICE.operator();
        String keyType = MsgCreateValidator.ED25519_TYPE_URL;
        byte[] key = new byte[32];
        Coin value = new Coin("omniphi", "5000000");

        MsgCreateValidator build() {
            return new MsgCreateValidator(description, rates, minSelf, delegator, operator, keyType, key, value);
        }
    }

    ChainError refusal(MsgCreateValidator m) {
        return catchThrowableOfType(ChainException.class, () -> rules.validate(m)).error();
    }

    @Test
    void aValidMessageYieldsTheOperatorAccount() {
        assertThat(rules.validate(msg(b -> b))).isEqualTo(ALICE.address());
        assertThat(rules.signer(msg(b -> b))).isEqualTo(ALICE.address());
        b(b -> {
            b.delegator = ALICE.account();
            return b;
        });
    }

    void b(UnaryOperator<Builder> change) {
        Builder builder = new Builder();
        change.apply(builder);
        assertThat(rules.validate(builder.build())).isEqualTo(ALICE.address());
    }

    @Test
    void addressesMustBeTheSameAccount() {
        assertThat(refusal(msg(b -> {
            b.operator = "omnivaloper1notanaddress";
            return b;
        }))).isEqualTo(ChainError.INVALID_ADDRESS);
        assertThat(refusal(msg(b -> {
            b.delegator = TestSigner.named("bob").account();
            return b;
        }))).isEqualTo(ChainError.INVALID_REQUEST);
    }

    @Test
    void descriptionLimitsAreBytes() {
        assertThat(refusal(msg(b -> {
            b.description = new Description("", "", "", "", "");
            return b;
        }))).isEqualTo(ChainError.INVALID_REQUEST);
        b(b -> {
            b.description = new Description("é".repeat(35), "", "", "", "");
            return b;
        });
        var e = catchThrowableOfType(ChainException.class, () -> rules.validate(msg(b -> {
            b.description = new Description("é".repeat(35) + "x", "", "", "", "");
            return b;
        })));
        assertThat(e.error()).isEqualTo(ChainError.INVALID_REQUEST);
        assertThat(e.rawLog()).contains("invalid moniker length; got: 71, max: 70");
        assertThat(refusal(msg(b -> {
            b.description = new Description("v", "", "", "", "d".repeat(281));
            return b;
        }))).isEqualTo(ChainError.INVALID_REQUEST);
    }

    @Test
    void commissionRulesInTheSdksOrder() {
        assertThat(refusal(rates("1100000000000000000", "1100000000000000000", "0")))
                .isEqualTo(ChainError.COMMISSION_HUGE);
        assertThat(refusal(rates("300000000000000000", "200000000000000000", "0")))
                .isEqualTo(ChainError.COMMISSION_GT_MAX_RATE);
        assertThat(refusal(rates("100000000000000000", "200000000000000000", "300000000000000000")))
                .isEqualTo(ChainError.COMMISSION_CHANGE_RATE_GT_MAX_RATE);
        assertThat(refusal(rates("-1", "200000000000000000", "0"))).isEqualTo(ChainError.COMMISSION_NEGATIVE);
        // the devnet's min commission rate is 0.05
        assertThat(refusal(rates("49999999999999999", "200000000000000000", "0")))
                .isEqualTo(ChainError.COMMISSION_LT_MIN_RATE);
        b(b -> {
            b.rates = new CommissionRates("50000000000000000", "50000000000000000", "0");
            return b;
        });
    }

    static MsgCreateValidator rates(String rate, String max, String change) {
        return msg(b -> {
            b.rates = new CommissionRates(rate, max, change);
            return b;
        });
    }

    @Test
    void selfDelegationMustBePositiveInTheBondDenomAndCoverTheMinimum() {
        assertThat(refusal(msg(b -> {
            b.value = new Coin("omniphi", "0");
            return b;
        }))).isEqualTo(ChainError.INVALID_REQUEST);
        assertThat(refusal(msg(b -> {
            b.minSelf = "5000001";
            return b;
        }))).isEqualTo(ChainError.SELF_DELEGATION_BELOW_MINIMUM);
        assertThat(refusal(msg(b -> {
            b.minSelf = "0";
            return b;
        }))).isEqualTo(ChainError.INVALID_REQUEST);
        assertThat(refusal(msg(b -> {
            b.value = new Coin("uatom", "5000000");
            return b;
        }))).isEqualTo(ChainError.INVALID_COINS);
    }

    @Test
    void theConsensusKeyIsA32ByteEd25519Key() {
        assertThat(refusal(msg(b -> {
            b.keyType = "";
            return b;
        }))).isEqualTo(ChainError.EMPTY_VALIDATOR_PUBKEY);
        assertThat(refusal(msg(b -> {
            b.keyType = "/cosmos.crypto.secp256k1.PubKey";
            return b;
        }))).isEqualTo(ChainError.VALIDATOR_PUBKEY_TYPE_UNSUPPORTED);
        assertThat(refusal(msg(b -> {
            b.key = new byte[31];
            return b;
        }))).isEqualTo(ChainError.INVALID_PUBKEY);
    }
}
