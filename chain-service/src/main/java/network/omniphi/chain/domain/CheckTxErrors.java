package network.omniphi.chain.domain;

import network.omniphi.chain.domain.model.BroadcastResult;

/** Maps a CheckTx refusal (SDK codespaces {@code sdk} and {@code staking}) to a domain error with a clear code. */
final class CheckTxErrors {

    private CheckTxErrors() {
    }

    static ChainException toException(BroadcastResult r) {
        String detail = "chain refused the tx (codespace " + r.codespace() + ", code " + r.code() + "): "
                + r.rawLog();
        ChainError error = switch (r.codespace() == null ? "" : r.codespace()) {
            case "sdk" -> switch (r.code()) {
                case 4, 8 -> ChainError.SIGNATURE_INVALID;
                case 5 -> ChainError.INSUFFICIENT_BALANCE;
                case 19 -> ChainError.TX_ALREADY_SUBMITTED;
                case 32 -> ChainError.SEQUENCE_MISMATCH;
                default -> ChainError.TX_REJECTED;
            };
            case "staking" -> switch (r.code()) {
                case 4 -> ChainError.VALIDATOR_EXISTS;
                case 5 -> ChainError.CONSENSUS_KEY_TAKEN;
                default -> ChainError.TX_REJECTED;
            };
            default -> ChainError.TX_REJECTED;
        };
        return new ChainException.Refused(error, detail);
    }
}
