package network.omniphi.chain.domain;

import network.omniphi.chain.domain.model.BroadcastResult;

/**
 * Maps Cosmos result codes to domain errors, at CheckTx (broadcast answer) and at block time (the included tx's
 * result). Codes from cosmos-sdk v0.50 {@code types/errors/errors.go} (codespace {@code sdk}) and
 * {@code x/staking/types/errors.go} (codespace {@code staking}). On SDK 0.50 MsgCreateValidator has no ValidateBasic:
 * its checks run in the msg server, in the block, so "validator exists" and friends arrive with the included tx.
 */
public final class CheckTxErrors {

    private CheckTxErrors() {
    }

    static ChainException toException(BroadcastResult r) {
        String detail = "chain refused the tx (codespace " + r.codespace() + ", code " + r.code() + "): "
                + r.rawLog();
        return new ChainException.Refused(checkTx(r.codespace(), r.code()), detail);
    }

    /** CheckTx refusals. sdk 19 (tx already in cache) is not a refusal: BroadcastService tracks the tx. */
    static ChainError checkTx(String codespace, int code) {
        ChainError common = common(codespace, code);
        if (common != null) {
            return common;
        }
        if ("sdk".equals(codespace)) {
            return switch (code) {
                case 4, 8 -> ChainError.SIGNATURE_INVALID;
                case 20 -> ChainError.MEMPOOL_FULL;
                case 32 -> ChainError.SEQUENCE_MISMATCH;
                default -> ChainError.TX_REJECTED;
            };
        }
        return ChainError.TX_REJECTED;
    }

    /** Result of a tx included in a block with a non-zero code. */
    public static ChainError inBlock(String codespace, int code) {
        ChainError common = common(codespace, code);
        return common != null ? common : ChainError.TX_FAILED_IN_BLOCK;
    }

    private static ChainError common(String codespace, int code) {
        if ("sdk".equals(codespace)) {
            return switch (code) {
                case 5 -> ChainError.INSUFFICIENT_BALANCE;
                case 11 -> ChainError.OUT_OF_GAS;
                case 13 -> ChainError.INSUFFICIENT_FEE;
                default -> null;
            };
        }
        if ("slashing".equals(codespace)) {
            // x/slashing/types/errors.go
            return switch (code) {
                case 4 -> ChainError.STILL_JAILED;
                case 5 -> ChainError.VALIDATOR_NOT_JAILED;
                default -> null;
            };
        }
        if ("staking".equals(codespace)) {
            return switch (code) {
                case 4 -> ChainError.VALIDATOR_EXISTS;
                case 5 -> ChainError.CONSENSUS_KEY_TAKEN;
                case 6 -> ChainError.CONSENSUS_KEY_TYPE_UNSUPPORTED;
                default -> null;
            };
        }
        return null;
    }
}
