package network.omniphi.devnet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import network.omniphi.devnet.testing.CreateValidatorTx;
import network.omniphi.devnet.testing.CreateValidatorTx.Part;
import network.omniphi.devnet.testing.TestChain;
import network.omniphi.devnet.testing.TestSigner;

/**
 * Two places where a lenient devnet would hide what a cosmos-sdk v0.50 chain does: the tx decoder refuses fields its
 * schema does not know ({@code x/auth/tx/decoder.go} with {@code codec/unknownproto}: TxRaw and AuthInfo strict, TxBody
 * only non-critical ones, bit 11, tolerated; nested and Any-packed messages included), and the fee transfer costs gas
 * at delivery but not in a simulation without fee coins ({@code x/auth/ante/fee.go} skips a zero fee).
 */
class TxDecodeAndGasTest {

    private static final TestSigner ALICE = TestSigner.named("alice");

    private final ChainEngine chain = TestChain.create(5);

    @Test
    void anUnknownCriticalFieldInTheBodyIsATxParseError() {
        assertDecodeRefused(CreateValidatorTx.by(ALICE).unknownField(Part.BODY, 99),
                "errUnknownField \"cosmos.tx.v1beta1.TxBody\": {TagNum: 99, WireType:\"varint\"}: tx parse error");
    }

    @Test
    void anUnknownNonCriticalFieldInTheBodyPasses() {
        assertThat(chain.broadcast(CreateValidatorTx.by(ALICE).unknownField(Part.BODY, 1025).build()).result().code())
                .isZero();
    }

    @Test
    void authInfoAndTxRawAreStrictEvenForNonCriticalFields() {
        assertDecodeRefused(CreateValidatorTx.by(ALICE).unknownField(Part.AUTH_INFO, 1025),
                "errUnknownField \"cosmos.tx.v1beta1.AuthInfo\": {TagNum: 1025, WireType:\"varint\"}: tx parse error");
        assertDecodeRefused(CreateValidatorTx.by(ALICE).unknownField(Part.RAW, 4),
                "errUnknownField \"cosmos.tx.v1beta1.TxRaw\": {TagNum: 4, WireType:\"varint\"}: tx parse error");
    }

    @Test
    void anUnknownFieldInsideTheAnyPackedMessageIsRefused() {
        assertDecodeRefused(CreateValidatorTx.by(ALICE).unknownField(Part.MESSAGE, 42),
                "errUnknownField \"cosmos.staking.v1beta1.MsgCreateValidator\": {TagNum: 42, WireType:\"varint\"}:"
                        + " tx parse error");
        // and Simulate decodes the same way
        ChainException e = org.assertj.core.api.Assertions.catchThrowableOfType(ChainException.class,
                () -> chain.simulate(CreateValidatorTx.by(ALICE).unknownField(Part.MESSAGE, 42).buildForSimulation()));
        assertThat(e.error()).isEqualTo(ChainError.TX_DECODE);
    }

    @Test
    void simulateWithoutFeeCoinsAnswersLessThanDeliveryWithAFee() {
        long simulated = chain.simulate(CreateValidatorTx.by(ALICE).noFeeCoins().buildForSimulation()).gasUsed();
        long withFee = chain.simulate(CreateValidatorTx.by(ALICE).buildForSimulation()).gasUsed();
        // the transfer, plus 10 gas per byte of the fee coin in AuthInfo
        assertThat(withFee - simulated).isBetween(GasSchedule.FEE_TRANSFER, GasSchedule.FEE_TRANSFER + 10 * 32);

        String hash = chain.broadcast(CreateValidatorTx.by(ALICE).fee("5000", 200_000).build()).hash();
        chain.produceBlock();
        TxRecord included = chain.tx(hash).orElseThrow();
        assertThat(included.result().code()).isZero();
        assertThat(included.result().gasUsed()).isEqualTo(withFee).isGreaterThan(simulated);
    }

    @Test
    void aGasLimitOfExactlyTheFeelessSimulationRunsOutOfGas() {
        long simulated = chain.simulate(CreateValidatorTx.by(ALICE).noFeeCoins().buildForSimulation()).gasUsed();
        // 5000 omniphi at the devnet's minimum gas price covers a limit up to 200000
        ChainEngine.CheckTxResult result = chain.broadcast(CreateValidatorTx.by(ALICE).fee("5000", simulated).build());
        assertThat(result.result().codespace()).isEqualTo("sdk");
        assertThat(result.result().code()).as(result.result().rawLog()).isEqualTo(11);
        // what the chain service does: ceil(simulated x 1.3) leaves room for the transfer
        long adjusted = (long) Math.ceil(simulated * 1.3);
        assertThat(adjusted - simulated).isGreaterThan(GasSchedule.FEE_TRANSFER);
        assertThat(chain.broadcast(CreateValidatorTx.by(ALICE).fee("5000", adjusted).build()).result().code())
                .isZero();
    }

    private void assertDecodeRefused(CreateValidatorTx tx, String rawLog) {
        ChainEngine.CheckTxResult result = chain.broadcast(tx.build());
        assertThat(result.result().codespace()).isEqualTo("sdk");
        assertThat(result.result().code()).as(result.result().rawLog()).isEqualTo(2);
        assertThat(result.result().rawLog()).isEqualTo(rawLog);
        assertThat(chain.mempoolSize()).isZero();
    }
}
