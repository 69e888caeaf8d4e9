package network.omniphi.devnet.domain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import network.omniphi.devnet.domain.state.Account;
import network.omniphi.devnet.domain.state.BondStatus;
import network.omniphi.devnet.domain.state.ChainState;
import network.omniphi.devnet.domain.state.Validator;
import network.omniphi.devnet.domain.tx.MsgCreateValidator;

/**
 * The stateful part of MsgCreateValidator: one validator per operator and per consensus key, then the self-delegation
 * moves from the operator's balance into the validator's tokens. Bonding happens at the end of the block.
 */
final class CreateValidatorKeeper {

    private final ChainParams params;

    CreateValidatorKeeper(ChainParams params) {
        this.params = params;
    }

    List<TxResult.Event> execute(ChainState state, MsgCreateValidator msg, byte[] operator, long height, Instant time) {
        if (state.validator(operator).isPresent()) {
            throw new ChainException(ChainError.VALIDATOR_OWNER_EXISTS, msg.validatorAddress());
        }
        if (state.validatorByConsensusKey(msg.pubKey()).isPresent()) {
            throw new ChainException(ChainError.VALIDATOR_PUBKEY_EXISTS, "");
        }
        BigInteger amount = new BigInteger(msg.value().amount());
        Account account = state.account(operator).orElseThrow(() -> new ChainException(ChainError.UNKNOWN_ADDRESS,
                "account " + Addresses.account(operator) + " does not exist"));
        BigInteger balance = account.balance(params.bondDenom());
        if (balance.compareTo(amount) < 0) {
            throw new ChainException(ChainError.INSUFFICIENT_FUNDS, "failed to delegate; " + balance
                    + params.bondDenom() + " is smaller than " + amount + params.bondDenom());
        }
        state.put(account.withBalance(params.bondDenom(), balance.subtract(amount)));
        // x/bank DelegateCoins checks the whole balance (vesting coins may be delegated) and tracks the delegation
        state.vesting(operator).ifPresent(v -> state.putVesting(operator, v.trackDelegation(time, amount)));
        state.put(new Validator(operator, msg.pubKey(), false, BondStatus.UNBONDED, amount, msg.description(),
                new Validator.Commission(Dec.fromWire("rate", msg.commission().rate()),
                        Dec.fromWire("max_rate", msg.commission().maxRate()),
                        Dec.fromWire("max_change_rate", msg.commission().maxChangeRate()), time),
                new BigInteger(msg.minSelfDelegation()), height));
        return events(msg, operator, amount);
    }

    private List<TxResult.Event> events(MsgCreateValidator msg, byte[] operator, BigInteger amount) {
        Map<String, String> created = new LinkedHashMap<>();
        created.put("validator", msg.validatorAddress());
        created.put("amount", amount + params.bondDenom());
        Map<String, String> message = new LinkedHashMap<>();
        message.put("action", MsgCreateValidator.TYPE_URL);
        message.put("sender", Addresses.account(operator));
        message.put("module", "staking");
        return List.of(new TxResult.Event("create_validator", created), new TxResult.Event("message", message));
    }
}
