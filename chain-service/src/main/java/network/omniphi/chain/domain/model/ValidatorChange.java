package network.omniphi.chain.domain.model;

/** A change of a tracked validator or its tx, published as a ChainEvent (past tense, STYLE 4). */
public sealed interface ValidatorChange {

    record TxSubmitted(String txHash) implements ValidatorChange {
    }

    record TxConfirmed(String txHash, long height) implements ValidatorChange {
    }

    /** {@code errorCode}: the chain-service error code (ChainError) the chain's code maps to. */
    record TxFailed(String txHash, int code, String codespace, String rawLog, String errorCode)
            implements
                ValidatorChange {
    }

    record Bonded(long votingPower) implements ValidatorChange {
    }

    record Unbonded(String reason) implements ValidatorChange {
    }

    record Jailed(long height) implements ValidatorChange {
    }

    record Unjailed() implements ValidatorChange {
    }

    record VotingPowerChanged(long previousPower, long votingPower, boolean inActiveSet) implements ValidatorChange {
    }
}
