package network.omniphi.devnet.domain;

import network.omniphi.devnet.domain.tx.DecodedTx;

/**
 * Deterministic gas accounting, modelled on the SDK defaults: 10 gas per tx byte (counting each signature as 64 bytes
 * so a simulated tx with empty signatures costs the same as the signed one), 1000 gas per secp256k1 verification and a
 * flat cost per executed message.
 */
public final class GasSchedule {

    public static final long TX_SIZE_COST_PER_BYTE = 10;
    public static final long SIGNATURE_BYTES = 64;
    public static final long SIG_VERIFY_SECP256K1 = 1_000;
    public static final long CREATE_VALIDATOR = 50_000;

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

    public static long total(DecodedTx tx) {
        return ante(tx) + messages(tx);
    }
}
