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
                                                                                                                                                            "The chain is unavailable");

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
