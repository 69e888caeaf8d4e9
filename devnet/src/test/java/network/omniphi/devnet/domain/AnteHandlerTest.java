package network.omniphi.devnet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import network.omniphi.devnet.api.codec.ProtoTxCodec;
import network.omniphi.devnet.domain.AnteHandler.Mode;
import network.omniphi.devnet.domain.state.Account;
import network.omniphi.devnet.domain.state.ChainState;
import network.omniphi.devnet.domain.state.Vesting;
import network.omniphi.devnet.domain.tx.DecodedTx;
import network.omniphi.devnet.testing.CreateValidatorTx;
import network.omniphi.devnet.testing.TestChain;
import network.omniphi.devnet.testing.TestSigner;

/**
 * The ante chain of a single-signer tx in cosmos-sdk v0.50's order (x/auth/ante/ante.go NewAnteHandler): memo
 * (basic.go), gas (the consumed gas must fit the limit), fee (fee.go: min gas price in CheckTx only, paid from spendable
 * coins), public key (sigverify.go SetPubKeyDecorator), sequence and signature (SigVerificationDecorator, skipped when
 * simulating), sequence increment. A refused tx leaves the state as it was.
 */
class AnteHandlerTest {

    static final TestSigner ALICE = TestSigner.named("alice");
    static final Instant NOW = TestChain.GENESIS.plusSeconds(10);

    final ProtoTxCodec codec = new ProtoTxCodec();
    final AnteHandler ante = new AnteHandler(TestChain.params(10), codec);
    final ChainState state = new ChainState();

    void fund(TestSigner who, long amount) {
        state.put(Account.fresh(who.address(), 0).withBalance("omniphi", BigInteger.valueOf(amount)));
    }

    Account alice() {
        return state.account(ALICE.address()).orElseThrow();
    }

    DecodedTx tx(CreateValidatorTx tx) {
        return codec.decode(tx.build());
    }

    ChainException refused(CreateValidatorTx tx, Mode mode) {
        return catchThrowableOfType(ChainException.class,
                () -> ante.run(state, codec.decode(tx.build()), ALICE.address(), 5, NOW, mode));
    }

    @Test
    void aGoodTxPaysItsFeeSetsThePublicKeyAndAdvancesTheSequence() {
        fund(ALICE, 1_000_000);

        ante.run(state, tx(CreateValidatorTx.by(ALICE)), ALICE.address(), 5, NOW, Mode.CHECK);

        assertThat(alice().sequence()).isEqualTo(1);
        assertThat(alice().publicKey()).isEqualTo(ALICE.publicKey());
        assertThat(alice().balance("omniphi")).isEqualTo(BigInteger.valueOf(995_000));
    }

    @Test
    void theSameSequenceTwiceIsRefusedAndTheStateStaysAsItWas() {
        fund(ALICE, 1_000_000);
        ante.run(state, tx(CreateValidatorTx.by(ALICE)), ALICE.address(), 5, NOW, Mode.DELIVER);

        var e = refused(CreateValidatorTx.by(ALICE), Mode.CHECK);

        assertThat(e.error()).isEqualTo(ChainError.WRONG_SEQUENCE);
        assertThat(e.rawLog()).contains("account sequence mismatch, expected 1, got 0");
        assertThat(alice().balance("omniphi")).isEqualTo(BigInteger.valueOf(995_000));
        assertThat(alice().sequence()).isEqualTo(1);
    }

    @Test
    void theMinimumGasPriceIsCheckedInCheckTxOnly() {
        fund(ALICE, 1_000_000);
        // min gas price 0.025 x 200000 gas = 5000
        assertThat(refused(CreateValidatorTx.by(ALICE).fee("4999", 200_000), Mode.CHECK).error())
                .isEqualTo(ChainError.INSUFFICIENT_FEE);
        ante.run(state, tx(CreateValidatorTx.by(ALICE).fee("4999", 200_000)), ALICE.address(), 5, NOW,
                Mode.DELIVER);
        assertThat(alice().sequence()).isEqualTo(1);
    }

    @Test
    void aGasLimitBelowTheConsumedGasIsOutOfGasExceptInSimulation() {
        fund(ALICE, 1_000_000);
        assertThat(refused(CreateValidatorTx.by(ALICE).fee("5000", 1000), Mode.DELIVER).error())
                .isEqualTo(ChainError.OUT_OF_GAS);
        ante.run(state, tx(CreateValidatorTx.by(ALICE).fee("5000", 1000)), ALICE.address(), 5, NOW,
                Mode.SIMULATE);
        assertThat(alice().sequence()).isEqualTo(1);
    }

    @Test
    void theFeeComesFromSpendableCoinsOfAnExistingAccount() {
        assertThat(refused(CreateValidatorTx.by(ALICE), Mode.CHECK).error()).isEqualTo(ChainError.UNKNOWN_ADDRESS);
        fund(ALICE, 4999);
        assertThat(refused(CreateValidatorTx.by(ALICE), Mode.CHECK).error())
                .isEqualTo(ChainError.INSUFFICIENT_FUNDS);
        fund(ALICE, 1_000_000);
        state.putVesting(ALICE.address(),
                new Vesting(BigInteger.valueOf(996_000), NOW.plusSeconds(3600), BigInteger.ZERO));
        var e = refused(CreateValidatorTx.by(ALICE), Mode.CHECK);
        assertThat(e.error()).isEqualTo(ChainError.INSUFFICIENT_FUNDS);
        assertThat(e.rawLog()).contains("spendable balance 4000omniphi is smaller than 5000omniphi");
    }

    @Test
    void theSignatureMustVerifyLowSForThisChainAndAccountButIsSkippedInSimulation() {
        fund(ALICE, 1_000_000);
        assertThat(refused(CreateValidatorTx.by(ALICE).highS(), Mode.CHECK).error())
                .isEqualTo(ChainError.UNAUTHORIZED);
        assertThat(refused(CreateValidatorTx.by(ALICE).chainId("other-chain"), Mode.CHECK).error())
                .isEqualTo(ChainError.UNAUTHORIZED);
        assertThat(refused(CreateValidatorTx.by(ALICE).accountNumber(3), Mode.CHECK).error())
                .isEqualTo(ChainError.UNAUTHORIZED);
        ante.run(state, tx(CreateValidatorTx.by(ALICE).tamperSignature()), ALICE.address(), 5, NOW, Mode.SIMULATE);
        assertThat(alice().sequence()).isEqualTo(1);
    }

    @Test
    void theSignersKeyMustBeTheAccountsKey() {
        fund(ALICE, 1_000_000);

        var e = refused(CreateValidatorTx.by(ALICE).signWith(TestSigner.named("bob")), Mode.CHECK);

        assertThat(e.error()).isEqualTo(ChainError.INVALID_PUBKEY);
        assertThat(e.rawLog()).contains("pubKey does not match signer address");
    }
}
