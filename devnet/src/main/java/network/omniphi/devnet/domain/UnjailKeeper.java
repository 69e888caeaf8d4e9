package network.omniphi.devnet.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import network.omniphi.devnet.domain.state.ChainState;
import network.omniphi.devnet.domain.state.Validator;
import network.omniphi.devnet.domain.tx.MsgUnjail;

/**
 * MsgUnjail as cosmos-sdk v0.50 {@code x/slashing/keeper/unjail.go} runs it: the validator must exist, have a
 * self-delegation of at least its min self-delegation, be jailed, not tombstoned and past {@code jailed_until}; then it
 * competes for the active set again at the end of the block.
 */
final class UnjailKeeper {

    private final Liveness liveness;

    UnjailKeeper(Liveness liveness) {
        this.liveness = liveness;
    }

    List<TxResult.Event> execute(ChainState state, MsgUnjail msg, byte[] operator, Instant time) {
        Validator validator = state.validator(operator).orElseThrow(() -> new ChainException(
                ChainError.NO_VALIDATOR_FOR_ADDRESS, msg.validatorAddress()));
        if (validator.tokens().compareTo(validator.minSelfDelegation()) < 0) {
            throw new ChainException(ChainError.SELF_DELEGATION_TOO_LOW_TO_UNJAIL, "");
        }
        if (!validator.jailed()) {
            throw new ChainException(ChainError.VALIDATOR_NOT_JAILED, "");
        }
        Liveness.SigningInfo info = liveness.signingInfo(validator.consensusKey()).orElseThrow(
                () -> new ChainException(ChainError.NO_SIGNING_INFO_FOUND, msg.validatorAddress()));
        if (info.tombstoned()) {
            throw new ChainException(ChainError.VALIDATOR_JAILED, "validator is tombstoned");
        }
        if (time.isBefore(info.jailedUntil())) {
            throw new ChainException(ChainError.VALIDATOR_JAILED, "jailed until " + info.jailedUntil());
        }
        state.put(validator.withJailed(false));
        Map<String, String> message = new LinkedHashMap<>();
        message.put("action", MsgUnjail.TYPE_URL);
        message.put("sender", Addresses.account(operator));
        message.put("module", "slashing");
        return List.of(new TxResult.Event("message", message));
    }
}
