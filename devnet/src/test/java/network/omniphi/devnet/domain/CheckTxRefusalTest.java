package network.omniphi.devnet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import network.omniphi.devnet.testing.CreateValidatorTx;
import network.omniphi.devnet.testing.TestChain;
import network.omniphi.devnet.testing.TestSigner;

/**
 * Refusals answered by BroadcastTx (CheckTx): the tx never enters the mempool and nothing is charged. MsgCreateValidator's
 * own checks are not among them on SDK 0.50 (no ValidateBasic): those txs pass CheckTx and fail in the block with the
 * fee paid and the sequence used, and Simulate refuses them.
 */
class CheckTxRefusalTest {

    private static final TestSigner ALICE = TestSigner.named("alice");

    private final ChainEngine chain = TestChain.create(5);

    @Test
    void wrongChainIdFailsSignatureVerification() {
        assertRefused(CreateValidatorTx.by(ALICE).chainId("other-chain-1"), "sdk", 4,
                "signature verification failed; please verify account number (0), sequence (0) and chain-id "
                        + "(omniphi-devnet-1): unauthorized");
    }

    @Test
    void wrongChainIdIsAlsoRefusedForAminoSignatures() {
        assertRefused(CreateValidatorTx.by(ALICE).amino().chainId("other-chain-1"), "sdk", 4,
                "signature verification failed; please verify account number (0), sequence (0) and chain-id "
                        + "(omniphi-devnet-1): unauthorized");
    }

    @Test
    void tamperedSignatureIsUnauthorized() {
        assertRefused(CreateValidatorTx.by(ALICE).tamperSignature(), "sdk", 4,
                "signature verification failed; please verify account number (0), sequence (0) and chain-id "
                        + "(omniphi-devnet-1): unauthorized");
    }

    @Test
    void highSSignatureIsUnauthorized() {
        assertRefused(CreateValidatorTx.by(ALICE).highS(), "sdk", 4,
                "signature verification failed; please verify account number (0), sequence (0) and chain-id "
                        + "(omniphi-devnet-1): unauthorized");
    }

    @Test
    void wrongAccountNumberFailsSignatureVerification() {
        assertRefused(CreateValidatorTx.by(ALICE).accountNumber(1), "sdk", 4,
                "signature verification failed; please verify account number (0), sequence (0) and chain-id "
                        + "(omniphi-devnet-1): unauthorized");
    }

    @Test
    void replayedSequenceIsRefused() {
        assertThat(chain.broadcast(CreateValidatorTx.by(ALICE).build()).result().code()).isZero();
        chain.produceBlock();

        assertRefused(CreateValidatorTx.by(ALICE).consensusKey(new byte[32]), "sdk", 32,
                "account sequence mismatch, expected 1, got 0: incorrect account sequence");
    }

    @Test
    void sameTxTwiceInTheMempoolIsRefused() {
        byte[] tx = CreateValidatorTx.by(ALICE).build();
        assertThat(chain.broadcast(tx).result().code()).isZero();

        ChainEngine.CheckTxResult again = chain.broadcast(tx);

        assertThat(again.result().code()).isEqualTo(19);
        assertThat(chain.mempoolSize()).isEqualTo(1);
    }

    @Test
    void keyOfAnotherAccountIsRefused() {
        assertRefused(CreateValidatorTx.by(ALICE).signWith(TestSigner.named("bob")), "sdk", 8,
                "pubKey does not match signer address " + ALICE.account() + " with signer index: 0: invalid pubkey");
    }

    @Test
    void commissionAboveMaxRateFailsInTheBlock() {
        assertFailsInBlock(CreateValidatorTx.by(ALICE).rates("300000000000000000", "200000000000000000", "0"),
                "staking",
                11, "rate 0.300000000000000000 > max rate 0.200000000000000000: commission cannot be more than "
                        + "the max rate");
    }

    @Test
    void commissionBelowChainMinimumFailsInTheBlock() {
        assertFailsInBlock(CreateValidatorTx.by(ALICE).rates("10000000000000000", "200000000000000000", "0"), "staking",
                40, "cannot set validator commission to less than minimum rate of 0.050000000000000000: "
                        + "commission cannot be less than min rate");
    }

    @Test
    void maxRateAboveOneFailsInTheBlock() {
        assertFailsInBlock(CreateValidatorTx.by(ALICE).rates("100000000000000000", "1100000000000000000", "0"),
                "staking", 10, "max rate 1.100000000000000000: commission cannot be more than 100%");
    }

    @Test
    void monikerOf71Utf8BytesFailsInTheBlockEvenWhenShorterInCharacters() {
        String moniker = "é".repeat(35) + "a";
        assertThat(moniker).hasSize(36);
        assertFailsInBlock(CreateValidatorTx.by(ALICE).moniker(moniker), "sdk", 18,
                "invalid moniker length; got: 71, max: 70: invalid request");
    }

    @Test
    void monikerOf70BytesIsAccepted() {
        assertThat(chain.broadcast(CreateValidatorTx.by(ALICE).moniker("é".repeat(35)).build()).result().code())
                .isZero();
    }

    @Test
    void unknownDenomFailsInTheBlock() {
        assertFailsInBlock(CreateValidatorTx.by(ALICE).value("uatom", "5000000"), "sdk", 10,
                "invalid coin denomination: got uatom, expected omniphi: invalid coins");
    }

    @Test
    void selfDelegationBelowMinimumFailsInTheBlock() {
        assertFailsInBlock(CreateValidatorTx.by(ALICE).minSelfDelegation("6000000"), "staking", 16,
                "self delegation 5000000 is below min self delegation 6000000: validator's self delegation must be "
                        + "greater than their minimum self delegation");
    }

    @Test
    void zeroMinSelfDelegationFailsInTheBlock() {
        assertFailsInBlock(CreateValidatorTx.by(ALICE).minSelfDelegation("0"), "sdk", 18,
                "minimum self delegation must be a positive integer: invalid request");
    }

    @Test
    void shortConsensusKeyFailsInTheBlock() {
        assertFailsInBlock(CreateValidatorTx.by(ALICE).consensusKey(new byte[31]), "sdk", 8,
                "invalid ed25519 consensus key length; got: 31, expected: 32: invalid pubkey");
    }

    @Test
    void feeBelowMinimumGasPriceIsRefused() {
        assertRefused(CreateValidatorTx.by(ALICE).fee("4999", 200_000), "sdk", 13,
                "insufficient fees; got: 4999omniphi required: 5000omniphi: insufficient fee");
    }

    @Test
    void gasLimitBelowUsageIsRefused() {
        assertRefused(CreateValidatorTx.by(ALICE).fee("5000", 1_000), "sdk", 11, null);
    }

    @Test
    void unknownAccountIsRefused() {
        assertRefused(CreateValidatorTx.by(TestSigner.named("nobody")), "sdk", 9, null);
    }

    @Test
    void malformedBytesAreATxParseError() {
        ChainEngine.CheckTxResult result = chain.broadcast(new byte[]{0x0a, 0x05, 0x01});
        assertThat(result.result().code()).isEqualTo(2);
        assertThat(result.result().codespace()).isEqualTo("sdk");
    }

    private void assertRefused(CreateValidatorTx tx, String codespace, int code, String rawLog) {
        ChainEngine.CheckTxResult result = chain.broadcast(tx.build());
        assertThat(result.result().codespace()).as(result.result().rawLog()).isEqualTo(codespace);
        assertThat(result.result().code()).as(result.result().rawLog()).isEqualTo(code);
        if (rawLog != null) {
            assertThat(result.result().rawLog()).isEqualTo(rawLog);
        }
        assertThat(result.hash()).matches("[0-9A-F]{64}");
        assertThat(chain.mempoolSize()).isZero();
    }

    private void assertFailsInBlock(CreateValidatorTx tx, String codespace, int code, String rawLog) {
        byte[] raw = tx.build();
        java.math.BigInteger before = chain.balance(ALICE.address(), "omniphi");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ChainException.class,
                () -> chain.simulate(raw)).rawLog()).isEqualTo(rawLog);
        ChainEngine.CheckTxResult checked = chain.broadcast(raw);
        assertThat(checked.result().code()).as(checked.result().rawLog()).isZero();

        chain.produceBlock();

        TxResult result = chain.tx(checked.hash()).orElseThrow().result();
        assertThat(result.codespace()).as(result.rawLog()).isEqualTo(codespace);
        assertThat(result.code()).as(result.rawLog()).isEqualTo(code);
        assertThat(result.rawLog()).isEqualTo(rawLog);
        assertThat(chain.account(ALICE.address()).orElseThrow().sequence()).isEqualTo(1);
        assertThat(chain.balance(ALICE.address(), "omniphi")).isLessThan(before);
        assertThat(chain.validator(ALICE.address())).isEmpty();
    }
}
