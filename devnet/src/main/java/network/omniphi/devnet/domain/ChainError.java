package network.omniphi.devnet.domain;

/**
 * The refusals the devnet can answer, each with the Cosmos codespace and code the SDK registers for it (registered
 * once, never reused). {@code raw_log} is {@code "<detail>: <description>"} as the SDK wraps its errors.
 */
public enum ChainError {
    TX_DECODE("sdk", 2, "tx parse error"), UNAUTHORIZED("sdk", 4, "unauthorized"), INSUFFICIENT_FUNDS("sdk", 5,
            "insufficient funds"), INVALID_ADDRESS("sdk", 7, "invalid address"), INVALID_PUBKEY("sdk", 8,
                    "invalid pubkey"), UNKNOWN_ADDRESS("sdk", 9, "unknown address"), INVALID_COINS("sdk", 10,
                            "invalid coins"), OUT_OF_GAS("sdk", 11, "out of gas"), MEMO_TOO_LARGE("sdk", 12,
                                    "memo too large"), INSUFFICIENT_FEE("sdk", 13,
                                            "insufficient fee"), TOO_MANY_SIGNATURES("sdk", 14,
                                                    "maximum number of signatures exceeded"), NO_SIGNATURES("sdk", 15,
                                                            "no signatures supplied"), INVALID_REQUEST("sdk", 18,
                                                                    "invalid request"), TX_IN_MEMPOOL("sdk", 19,
                                                                            "tx already in mempool"), MEMPOOL_FULL(
                                                                                    "sdk", 20,
                                                                                    "mempool is full"), TX_TOO_LARGE(
                                                                                            "sdk", 21,
                                                                                            "tx too large"), TX_TIMEOUT_HEIGHT(
                                                                                                    "sdk", 30,
                                                                                                    "tx timeout height"), UNKNOWN_EXTENSION_OPTIONS(
                                                                                                            "sdk", 31,
                                                                                                            "unknown extension options"), WRONG_SEQUENCE(
                                                                                                                    "sdk",
                                                                                                                    32,
                                                                                                                    "incorrect account sequence"), NOT_SUPPORTED(
                                                                                                                            "sdk",
                                                                                                                            37,
                                                                                                                            "feature not supported"), VALIDATOR_NOT_FOUND(
                                                                                                                                    "staking",
                                                                                                                                    3,
                                                                                                                                    "validator does not exist"), VALIDATOR_OWNER_EXISTS(
                                                                                                                                            "staking",
                                                                                                                                            4,
                                                                                                                                            "validator already exist for this operator address; must use new validator operator address"), VALIDATOR_PUBKEY_EXISTS(
                                                                                                                                                    "staking",
                                                                                                                                                    5,
                                                                                                                                                    "validator already exist for this pubkey; must use new validator pubkey"), VALIDATOR_PUBKEY_TYPE_UNSUPPORTED(
                                                                                                                                                            "staking",
                                                                                                                                                            6,
                                                                                                                                                            "validator pubkey type is not supported"), COMMISSION_NEGATIVE(
                                                                                                                                                                    "staking",
                                                                                                                                                                    9,
                                                                                                                                                                    "commission must be positive"), COMMISSION_HUGE(
                                                                                                                                                                            "staking",
                                                                                                                                                                            10,
                                                                                                                                                                            "commission cannot be more than 100%"), COMMISSION_GT_MAX_RATE(
                                                                                                                                                                                    "staking",
                                                                                                                                                                                    11,
                                                                                                                                                                                    "commission cannot be more than the max rate"), COMMISSION_CHANGE_RATE_NEGATIVE(
                                                                                                                                                                                            "staking",
                                                                                                                                                                                            13,
                                                                                                                                                                                            "commission change rate must be positive"), COMMISSION_CHANGE_RATE_GT_MAX_RATE(
                                                                                                                                                                                                    "staking",
                                                                                                                                                                                                    14,
                                                                                                                                                                                                    "commission change rate cannot be more than the max rate"), SELF_DELEGATION_BELOW_MINIMUM(
                                                                                                                                                                                                            "staking",
                                                                                                                                                                                                            16,
                                                                                                                                                                                                            "validator's self delegation must be greater than their minimum self delegation"), EMPTY_VALIDATOR_PUBKEY(
                                                                                                                                                                                                                    "staking",
                                                                                                                                                                                                                    39,
                                                                                                                                                                                                                    "empty validator public key"), COMMISSION_LT_MIN_RATE(
                                                                                                                                                                                                                            "staking",
                                                                                                                                                                                                                            40,
                                                                                                                                                                                                                            "commission cannot be less than min rate"),
    // x/slashing/types/errors.go (cosmos-sdk v0.50)
    NO_VALIDATOR_FOR_ADDRESS("slashing", 2, "address is not associated with any known validator"), VALIDATOR_JAILED(
            "slashing", 4, "validator still jailed; cannot be unjailed"), VALIDATOR_NOT_JAILED("slashing", 5,
                    "validator not jailed; cannot be unjailed"), SELF_DELEGATION_TOO_LOW_TO_UNJAIL("slashing", 7,
                            "validator's self delegation less than minimum; cannot be unjailed"), NO_SIGNING_INFO_FOUND(
                                    "slashing", 8, "no validator signing info found");

    private final String codespace;
    private final int code;
    private final String description;

    ChainError(String codespace, int code, String description) {
        this.codespace = codespace;
        this.code = code;
        this.description = description;
    }

    public String codespace() {
        return codespace;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
