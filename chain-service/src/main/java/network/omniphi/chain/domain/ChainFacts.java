package network.omniphi.chain.domain;

import java.math.BigInteger;
import java.util.List;

import network.omniphi.chain.domain.model.Account;
import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.StakingParams;
import network.omniphi.chain.domain.model.ValidatorState;

/** Chain state read for one build, in one go. {@code nodeHeight} is null when no node endpoint was given. */
record ChainFacts(ChainHead head, Account account, BigInteger balance, BigInteger spendable, StakingParams staking,
        SlashingParams slashing, List<ValidatorState> validators, Long nodeHeight) {

    boolean operatorTaken(String operatorAddress) {
        return validators.stream().anyMatch(v -> v.operatorAddress().equals(operatorAddress));
    }

    boolean consensusKeyTaken(String consensusPubkey) {
        return validators.stream().anyMatch(v -> consensusPubkey.equals(v.consensusPubkey()));
    }
}
