package network.omniphi.devnet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import network.omniphi.devnet.domain.state.Account;
import network.omniphi.devnet.domain.state.BondStatus;
import network.omniphi.devnet.domain.state.Validator;
import network.omniphi.devnet.testing.CreateValidatorTx;
import network.omniphi.devnet.testing.TestChain;
import network.omniphi.devnet.testing.TestSigner;

class CreateValidatorTest {

    private static final TestSigner ALICE = TestSigner.named("alice");
    private static final TestSigner BOB = TestSigner.named("bob");

    private final ChainEngine chain = TestChain.create(5);

    @Test
    void directSignedCreateValidatorIsIncludedAndBondedWithItsPower() {
        ChainEngine.CheckTxResult checked = chain.broadcast(CreateValidatorTx.by(ALICE).build());
        assertThat(checked.result().code()).as(checked.result().rawLog()).isZero();
        assertThat(chain.tx(checked.hash())).isEmpty();

        Block block = chain.produceBlock();

        TxRecord record = chain.tx(checked.hash().toLowerCase()).orElseThrow();
        assertThat(record.height()).isEqualTo(block.height()).isEqualTo(2);
        assertThat(record.result().code()).isZero();
        assertThat(record.result().gasUsed()).isEqualTo(GasSchedule.total(record.tx()));
        Validator validator = chain.validator(ALICE.address()).orElseThrow();
        assertThat(validator.status()).isEqualTo(BondStatus.BONDED);
        assertThat(validator.power()).isEqualTo(5);
        assertThat(validator.description().moniker()).isEqualTo("validator");
        Account account = chain.account(ALICE.address()).orElseThrow();
        assertThat(account.sequence()).isEqualTo(1);
        assertThat(account.publicKey()).isEqualTo(ALICE.publicKey());
        assertThat(account.balance("omniphi")).isEqualTo(TestChain.FUNDS.subtract(BigInteger.valueOf(5_005_000)));
    }

    @Test
    void aminoSignedCreateValidatorIsAccepted() {
        ChainEngine.CheckTxResult checked = chain.broadcast(CreateValidatorTx.by(BOB).accountNumber(1).amino()
                .website("https://bob.example/?a=1&b=<2>").build());
        assertThat(checked.result().code()).as(checked.result().rawLog()).isZero();

        chain.produceBlock();

        assertThat(chain.tx(checked.hash()).orElseThrow().result().isOk()).isTrue();
        assertThat(chain.validator(BOB.address()).orElseThrow().status()).isEqualTo(BondStatus.BONDED);
    }

    @Test
    void simulateReportsDeterministicGasWithoutChangingState() {
        ChainEngine.Simulation simulation = chain.simulate(CreateValidatorTx.by(ALICE).buildForSimulation());

        assertThat(simulation.gasUsed()).isBetween(GasSchedule.CREATE_VALIDATOR, 200_000L);
        assertThat(simulation.gasWanted()).isEqualTo(200_000);
        assertThat(simulation.events()).extracting(TxResult.Event::type).contains("create_validator");
        assertThat(chain.account(ALICE.address()).orElseThrow().sequence()).isZero();
        chain.produceBlock();
        assertThat(chain.validator(ALICE.address())).isEmpty();
    }

    @Test
    void insufficientBalanceFailsInTheBlockButChargesFeeAndSequence() {
        String hash = chain.broadcast(CreateValidatorTx.by(ALICE).value("omniphi", "1000000000001").build()).hash();
        chain.produceBlock();

        TxResult result = chain.tx(hash).orElseThrow().result();
        assertThat(result.codespace()).isEqualTo("sdk");
        assertThat(result.code()).isEqualTo(5);
        assertThat(result.rawLog()).isEqualTo(
                // x/bank keeper DelegateCoins checks the whole balance (vesting coins may be delegated)
                "failed to delegate; 999999995000omniphi is smaller than 1000000000001omniphi: insufficient funds");
        assertThat(chain.validator(ALICE.address())).isEmpty();
        Account account = chain.account(ALICE.address()).orElseThrow();
        assertThat(account.sequence()).isEqualTo(1);
        assertThat(account.balance("omniphi")).isEqualTo(TestChain.FUNDS.subtract(BigInteger.valueOf(5_000)));
    }

    @Test
    void duplicateOperatorIsRefusedByTheKeeper() {
        chain.broadcast(CreateValidatorTx.by(ALICE).build());
        chain.produceBlock();
        String hash = chain.broadcast(CreateValidatorTx.by(ALICE).sequence(1)
                .consensusKey(new byte[32]).build()).hash();
        chain.produceBlock();

        TxResult result = chain.tx(hash).orElseThrow().result();
        assertThat(result.codespace()).isEqualTo("staking");
        assertThat(result.code()).isEqualTo(4);
        assertThat(result.rawLog()).contains("validator already exist for this operator address");
    }

    @Test
    void duplicateConsensusKeyIsRefusedByTheKeeper() {
        CreateValidatorTx first = CreateValidatorTx.by(ALICE);
        chain.broadcast(first.build());
        String hash = chain.broadcast(CreateValidatorTx.by(BOB).accountNumber(1)
                .consensusKey(first.consensusKey()).build()).hash();
        chain.produceBlock();

        TxResult result = chain.tx(hash).orElseThrow().result();
        assertThat(result.codespace()).isEqualTo("staking");
        assertThat(result.code()).isEqualTo(5);
        assertThat(result.rawLog()).isEqualTo("validator already exist for this pubkey; must use new validator pubkey");
        assertThat(chain.validator(BOB.address())).isEmpty();
        assertThat(chain.validator(ALICE.address())).isPresent();
    }

    @Test
    void faucetGivesNewAccountsTheNextNumberAndKeepsExistingOnes() {
        TestSigner dave = TestSigner.named("dave");

        Account funded = chain.fund(dave.address(), "omniphi", BigInteger.TEN);
        Account again = chain.fund(dave.address(), "omniphi", BigInteger.ONE);
        Account alice = chain.fund(ALICE.address(), "uother", BigInteger.TWO);

        assertThat(funded.number()).isEqualTo(3);
        assertThat(again.number()).isEqualTo(3);
        assertThat(again.balance("omniphi")).isEqualTo(BigInteger.valueOf(11));
        assertThat(alice.number()).isZero();
        assertThat(alice.balance("uother")).isEqualTo(BigInteger.TWO);
    }
}
