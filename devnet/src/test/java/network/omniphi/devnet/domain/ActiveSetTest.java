package network.omniphi.devnet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import network.omniphi.devnet.domain.state.BondStatus;
import network.omniphi.devnet.domain.state.Validator;
import network.omniphi.devnet.testing.CreateValidatorTx;
import network.omniphi.devnet.testing.TestChain;
import network.omniphi.devnet.testing.TestSigner;

class ActiveSetTest {

    private static final TestSigner ALICE = TestSigner.named("alice");
    private static final TestSigner BOB = TestSigner.named("bob");
    private static final TestSigner CAROL = TestSigner.named("carol");

    private final ChainEngine chain = TestChain.create(3);

    @Test
    void bondedSetIsTheTopMaxValidatorsByPower() {
        createValidators();

        assertThat(chain.validators()).hasSize(4);
        assertThat(status(BOB)).isEqualTo(BondStatus.BONDED);
        assertThat(status(CAROL)).isEqualTo(BondStatus.BONDED);
        assertThat(chain.validator(GenesisLoader.operatorOf("genesis-0")).orElseThrow().status())
                .isEqualTo(BondStatus.BONDED);
        assertThat(status(ALICE)).isEqualTo(BondStatus.UNBONDED);
        assertThat(chain.validator(BOB.address()).orElseThrow().power()).isEqualTo(200);
    }

    @Test
    void jailTakesEffectInTheNextBlockAndFreesTheSeat() {
        createValidators();

        long effective = chain.scheduleJail(BOB.address(), true);
        assertThat(status(BOB)).isEqualTo(BondStatus.BONDED);
        Block block = chain.produceBlock();

        assertThat(block.height()).isEqualTo(effective);
        Validator bob = chain.validator(BOB.address()).orElseThrow();
        assertThat(bob.jailed()).isTrue();
        assertThat(bob.status()).isEqualTo(BondStatus.UNBONDED);
        assertThat(status(ALICE)).isEqualTo(BondStatus.BONDED);

        chain.scheduleJail(BOB.address(), false);
        chain.produceBlock();

        assertThat(chain.validator(BOB.address()).orElseThrow().jailed()).isFalse();
        assertThat(status(BOB)).isEqualTo(BondStatus.BONDED);
        assertThat(status(ALICE)).isEqualTo(BondStatus.UNBONDED);
    }

    @Test
    void jailingAnUnknownValidatorIsRefused() {
        assertThatThrownBy(() -> chain.scheduleJail(TestSigner.named("nobody").address(), true))
                .isInstanceOfSatisfying(ChainException.class,
                        e -> assertThat(e.error()).isEqualTo(ChainError.VALIDATOR_NOT_FOUND));
    }

    @Test
    void blockHeightsAndTimesAdvance() {
        Block first = chain.latestBlock();
        Block second = chain.produceBlock();

        assertThat(first.height()).isEqualTo(1);
        assertThat(second.height()).isEqualTo(2);
        assertThat(second.time()).isAfter(first.time());
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(chain.block(1)).contains(first);
        assertThat(chain.block(3)).isEmpty();
    }

    private void createValidators() {
        assertOk(chain.broadcast(CreateValidatorTx.by(ALICE).value("omniphi", "5000000").build()));
        assertOk(chain.broadcast(CreateValidatorTx.by(BOB).accountNumber(1).value("omniphi", "200000000").build()));
        assertOk(chain.broadcast(CreateValidatorTx.by(CAROL).accountNumber(2).value("omniphi", "50000000").build()));
        chain.produceBlock();
    }

    private static void assertOk(ChainEngine.CheckTxResult result) {
        assertThat(result.result().code()).as(result.result().rawLog()).isZero();
    }

    private BondStatus status(TestSigner signer) {
        return chain.validator(signer.address()).orElseThrow().status();
    }
}
