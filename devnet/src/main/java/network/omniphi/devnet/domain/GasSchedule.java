package network.omniphi.devnet.domain;

import network.omniphi.devnet.domain.tx.DecodedTx;

/**
 * Deterministic gas accounting, modelled on the SDK defaults: 10 gas per tx byte (counting each signature as 64 bytes
 * so a simulated tx with empty signatures costs the same as the signed one), 1000 gas per secp256k1 verification, the
 * fee transfer when the fee is not zero, and a flat cost per executed message.
 * <p>
 * The fee transfer is what makes simulate answer less than delivery needs: cosmos-sdk v0.50.x
 * {@code x/auth/ante/fee.go} (DeductFeeDecorator) sends the fee to the fee collector only {@code if !fee.IsZero()},
 * and wallets and the chain service simulate with an empty or zero fee, so the bank store reads and writes of that
 * transfer are charged at delivery but not in the estimate. The gas adjustment (CosmJS and Keplr 1.3-1.5, the chain
 * service's {@code omniphi.chain.gas-adjustment}) has to cover it.
 */
public final class GasSchedule {

    public static final long TX_SIZE_COST_PER_BYTE = 10;
    public static final long SIGNATURE_BYTES = 64;
    public static final long SIG_VERIFY_SECP256K1 = 1_000;
    public static final long CREATE_VALIDATOR = 50_000;
    /**
     * The fee transfer's store access with the SDK's KVGasConfig (cosmossdk.io/store v1.x {@code types/gas.go}:
     * ReadCostFlat 1000, ReadCostPerByte 3, WriteCostFlat 2000, WriteCostPerByte 30): the payer's and the fee
     * collector's balance, each read and written, at 40 bytes per balance record.
     */
    public static final long FEE_TRANSFER = 2 * (1_000 + 3 * 40) + 2 * (2_000 + 30 * 40);

    private GasSchedule() {
    }

    /** Gas the ante handler consumes: tx size and signature verification. */
    public static long ante(DecodedTx tx) {
        long signers = tx.signerInfos().size();
        long size = tx.bodyBytes().length + tx.authInfoBytes().length + SIGNATURE_BYTES * signers;
        return TX_SIZE_COST_PER_BYTE * size + SIG_VERIFY_SECP256K1 * signers;
    }

    /** Gas for executing all messages. */
    public static long messages(DecodedTx tx) {
        return CREATE_VALIDATOR * tx.messages().size();
    }

    /** Gas of the fee transfer: charged only for a non-zero fee, as DeductFeeDecorator skips a zero one. */
    public static long feeTransfer(DecodedTx tx) {
        boolean zero = tx.fee().amount().stream().allMatch(c -> new java.math.BigInteger(c.amount()).signum() == 0);
        return zero ? 0 : FEE_TRANSFER;
    }

    public static long total(DecodedTx tx) {
        return ante(tx) + feeTransfer(tx) + messages(tx);
    }
}
