package network.omniphi.chain.domain;

import network.omniphi.commons.error.ErrorKind;

/**
 * Every error chain-service reports, each with a stable machine code (registered once, never reused) and its kind.
 * {@code duplicate} marks conflicts that mean "this already exists" (gRPC ALREADY_EXISTS) rather than "try again
 * later" (ABORTED).
 */
public enum ChainError {
    INVALID_INPUT("INVALID_INPUT", ErrorKind.INVALID_INPUT, "Invalid input"), WALLET_PUBKEY_MISMATCH(
            "WALLET_PUBKEY_MISMATCH", ErrorKind.INVALID_INPUT,
            "Signer key does not match the wallet"), MALFORMED_TX("MALFORMED_TX", ErrorKind.INVALID_INPUT,
                    "Transaction bytes are not a valid TxRaw"), COMMISSION_BELOW_MINIMUM("COMMISSION_BELOW_MINIMUM",
                            ErrorKind.RULE_VIOLATION, "Commission below the chain minimum"), WRONG_DENOM("WRONG_DENOM",
                                    ErrorKind.RULE_VIOLATION,
                                    "Self-delegation is not in the bond denom"), SELF_DELEGATION_TOO_LOW(
                                            "SELF_DELEGATION_TOO_LOW", ErrorKind.RULE_VIOLATION,
                                            "Self-delegation too low"), INSUFFICIENT_BALANCE("INSUFFICIENT_BALANCE",
                                                    ErrorKind.RULE_VIOLATION,
                                                    "Balance does not cover self-delegation and fee"), ACCOUNT_NOT_FOUND(
                                                            "ACCOUNT_NOT_FOUND", ErrorKind.RULE_VIOLATION,
                                                            "Wallet account does not exist on chain"), TX_MISMATCH(
                                                                    "TX_MISMATCH", ErrorKind.RULE_VIOLATION,
                                                                    "Transaction differs from the one built for this setup"), SIGNATURE_INVALID(
                                                                            "SIGNATURE_INVALID",
                                                                            ErrorKind.RULE_VIOLATION,
                                                                            "Signature does not verify"), TX_REJECTED(
                                                                                    "TX_REJECTED",
                                                                                    ErrorKind.RULE_VIOLATION,
                                                                                    "The chain refused the transaction"), NO_PREPARED_TX(
                                                                                            "NO_PREPARED_TX",
                                                                                            ErrorKind.RULE_VIOLATION,
                                                                                            "No transaction was built for this setup"), VALIDATOR_EXISTS(
                                                                                                    "VALIDATOR_EXISTS",
                                                                                                    ErrorKind.CONFLICT,
                                                                                                    "The wallet already operates a validator",
                                                                                                    true), CONSENSUS_KEY_TAKEN(
                                                                                                            "CONSENSUS_KEY_TAKEN",
                                                                                                            ErrorKind.CONFLICT,
                                                                                                            "The consensus key is already used",
                                                                                                            true), TX_ALREADY_SUBMITTED(
                                                                                                                    "TX_ALREADY_SUBMITTED",
                                                                                                                    ErrorKind.CONFLICT,
                                                                                                                    "A transaction is already live for this setup",
                                                                                                                    true), NODE_NOT_SYNCED(
                                                                                                                            "NODE_NOT_SYNCED",
                                                                                                                            ErrorKind.CONFLICT,
                                                                                                                            "The validator node is behind the chain"), SEQUENCE_MISMATCH(
                                                                                                                                    "SEQUENCE_MISMATCH",
                                                                                                                                    ErrorKind.CONFLICT,
                                                                                                                                    "Account sequence changed; rebuild and sign again"), VALIDATOR_NOT_FOUND(
                                                                                                                                            "VALIDATOR_NOT_FOUND",
                                                                                                                                            ErrorKind.NOT_FOUND,
                                                                                                                                            "Validator not found"), NODE_UNREACHABLE(
                                                                                                                                                    "NODE_UNREACHABLE",
                                                                                                                                                    ErrorKind.UNAVAILABLE,
                                                                                                                                                    "The validator node's RPC is unreachable"), CHAIN_UNAVAILABLE(
                                                                                                                                                            "CHAIN_UNAVAILABLE",
                                                                                                                                                            ErrorKind.UNAVAILABLE,
                                                                                                                                                            "The chain is unavailable"),
    /** No CheckTx answer in time: the tx may be in the mempool (never answered; the tx is tracked instead). */
    BROADCAST_OUTCOME_UNKNOWN("BROADCAST_OUTCOME_UNKNOWN", ErrorKind.UNAVAILABLE, "The broadcast outcome is unknown"),
    /** sdk 13 ErrInsufficientFee: fee below the node's minimum gas price. */
    INSUFFICIENT_FEE("INSUFFICIENT_FEE", ErrorKind.RULE_VIOLATION, "Fee below the chain's minimum gas price"),
    /** sdk 11 ErrOutOfGas: the gas limit does not cover the tx. */
    OUT_OF_GAS("OUT_OF_GAS", ErrorKind.RULE_VIOLATION, "Gas limit too low for the transaction"),
    /** sdk 20 ErrMempoolIsFull: try again later. */
    MEMPOOL_FULL("MEMPOOL_FULL", ErrorKind.UNAVAILABLE, "The chain node's mempool is full"),
    /** staking 6 ErrValidatorPubKeyTypeNotSupported. */
    CONSENSUS_KEY_TYPE_UNSUPPORTED("CONSENSUS_KEY_TYPE_UNSUPPORTED", ErrorKind.RULE_VIOLATION,
            "The chain does not accept this consensus key type"),
    /** The tx was included but failed in the block with a code not mapped to anything more precise. */
    TX_FAILED_IN_BLOCK("TX_FAILED_IN_BLOCK", ErrorKind.RULE_VIOLATION, "The transaction failed in the block"),
    /** Not included by its timeout height (or, for old txs, within the inclusion timeout). */
    TX_NOT_INCLUDED("TX_NOT_INCLUDED", ErrorKind.RULE_VIOLATION, "The transaction was not included"),
    /** Unjail refused: x/slashing ErrValidatorNotJailed (slashing 5). */
    VALIDATOR_NOT_JAILED("VALIDATOR_NOT_JAILED", ErrorKind.CONFLICT, "The validator is not jailed"),
    /** Unjail refused: tombstoned validators (double sign) can never be unjailed. */
    VALIDATOR_TOMBSTONED("VALIDATOR_TOMBSTONED", ErrorKind.CONFLICT, "The validator is tombstoned"),
    /** Unjail refused: x/slashing ErrValidatorJailed (slashing 4), before jailed_until. */
    STILL_JAILED("STILL_JAILED", ErrorKind.CONFLICT, "The validator's jail period has not ended");

    private final String code;
    private final ErrorKind kind;
    private final String title;
    private final boolean duplicate;

    ChainError(String code, ErrorKind kind, String title) {
        this(code, kind, title, false);
    }

    ChainError(String code, ErrorKind kind, String title, boolean duplicate) {
        this.code = code;
        this.kind = kind;
        this.title = title;
        this.duplicate = duplicate;
    }

    public String code() {
        return code;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public boolean duplicate() {
        return duplicate;
    }
}
