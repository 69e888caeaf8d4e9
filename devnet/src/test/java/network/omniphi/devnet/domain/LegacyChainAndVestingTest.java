package network.omniphi.devnet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import network.omniphi.devnet.domain.tx.AminoDecForm;
import network.omniphi.devnet.testing.CreateValidatorTx;
import network.omniphi.devnet.testing.TestChain;
import network.omniphi.devnet.testing.TestSigner;

/** Chain realism behind issue 15: the configured LegacyDec amino form, vesting accounts and the tx cache. */
class LegacyChainAndVestingTest {

    private static final TestSigner ALICE = TestSigner.named("alice");
    private static final TestSigner DAVE = TestSigner.named("dave");

    @Test
    void anXtxBeforeV0136ChainVerifiesOnlyTheIntegerLegacyDecForm() {
        ChainParams p = TestChain.params(5);
        ChainEngine chain = TestChain.create(withForm(p, AminoDecForm.INTEGER), genesis(List.of()));

        ChainEngine.CheckTxResult decimal = chain.broadcast(CreateValidatorTx.by(ALICE)
                .aminoDecForm(AminoDecForm.DECIMAL).build());
        ChainEngine.CheckTxResult integer = chain.broadcast(CreateValidatorTx.by(ALICE)
                .aminoDecForm(AminoDecForm.INTEGER).build());

        assertThat(decimal.result().code()).isEqualTo(4);
        assertThat(decimal.result().codespace()).isEqualTo("sdk");
        assertThat(integer.result().code()).as(integer.result().rawLog()).isZero();
    }

    @Test
    void aDecimalChainRefusesTheIntegerForm() {
        ChainEngine chain = TestChain.create(5);

        assertThat(chain.broadcast(CreateValidatorTx.by(ALICE).aminoDecForm(AminoDecForm.INTEGER).build()).result()
                .code()).isEqualTo(4);
        assertThat(chain.broadcast(CreateValidatorTx.by(ALICE).aminoDecForm(AminoDecForm.DECIMAL).build()).result()
                .code()).isZero();
    }

    @Test
    void aVestingAccountDelegatesLockedCoinsButPaysFeesFromSpendableOnly() {
        ChainEngine chain = TestChain.create(TestChain.params(5), genesis(List.of(
                new Genesis.VestingAccount(DAVE.account(), new BigInteger("10000000"), Duration.ofHours(1)))));

        assertThat(chain.spendable(DAVE.address(), "omniphi")).isZero();
        ChainEngine.CheckTxResult noFee = chain.broadcast(CreateValidatorTx.by(DAVE).accountNumber(3).build());
        assertThat(noFee.result().code()).isEqualTo(5);
        assertThat(noFee.result().rawLog()).startsWith("spendable balance 0omniphi");

        chain.fund(DAVE.address(), "omniphi", new BigInteger("100000"));
        ChainEngine.CheckTxResult ok = chain.broadcast(CreateValidatorTx.by(DAVE).accountNumber(3).build());
        assertThat(ok.result().code()).as(ok.result().rawLog()).isZero();
        chain.produceBlock();

        assertThat(chain.tx(ok.hash()).orElseThrow().result().isOk()).isTrue();
        assertThat(chain.validator(DAVE.address())).isPresent();
        assertThat(chain.vesting(DAVE.address()).orElseThrow().delegatedVesting()).isEqualTo(new BigInteger("5000000"));
        // 10 000 000 + 100 000 - fee - 5 000 000 delegated; 5 000 000 still locked
        assertThat(chain.spendable(DAVE.address(), "omniphi"))
                .isEqualTo(chain.balance(DAVE.address(), "omniphi").subtract(new BigInteger("5000000")));
    }

    @Test
    void aCommittedTxSentAgainIsInTheCacheNotASequenceError() {
        ChainEngine chain = TestChain.create(5);
        byte[] tx = CreateValidatorTx.by(ALICE).build();
        assertThat(chain.broadcast(tx).result().code()).isZero();
        chain.produceBlock();

        ChainEngine.CheckTxResult again = chain.broadcast(tx);

        assertThat(again.result().code()).isEqualTo(19);
        assertThat(again.result().rawLog()).isEqualTo("tx already exists in cache: tx already in mempool");
    }

    private static ChainParams withForm(ChainParams p, AminoDecForm form) {
        return new ChainParams(p.chainId(), p.bondDenom(), p.maxValidators(), p.minCommissionRate(), p.unbondingTime(),
                p.signedBlocksWindow(), p.minSignedPerWindow(), p.downtimeJailDuration(), p.minGasPrice(),
                p.blockHistory(), form, p.txIndex(), p.liveness());
    }

    private static Genesis genesis(List<Genesis.VestingAccount> vesting) {
        return new Genesis(TestChain.GENESIS, List.of(
                new Genesis.FundedAccount(ALICE.account(), TestChain.FUNDS),
                new Genesis.FundedAccount(TestSigner.named("bob").account(), TestChain.FUNDS),
                new Genesis.FundedAccount(TestSigner.named("carol").account(), TestChain.FUNDS)),
                List.of(new Genesis.GenesisValidator("genesis-0", 100)), vesting);
    }
}
