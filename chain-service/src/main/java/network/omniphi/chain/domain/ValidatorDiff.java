package network.omniphi.chain.domain;

import java.util.ArrayList;
import java.util.List;

import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.ObservedValidator;
import network.omniphi.chain.domain.model.ValidatorChange;

/**
 * What changed between two observations of a validator; empty when nothing did (events only on change). The first
 * observation of a created validator always says where it stands: bonded, or unbonded when outside the active set.
 */
public final class ValidatorDiff {

    private ValidatorDiff() {
    }

    public static List<ValidatorChange> between(ObservedValidator before, ObservedValidator after, long height) {
        List<ValidatorChange> changes = new ArrayList<>();
        if (!after.found()) {
            return changes;
        }
        if (!before.jailed() && after.jailed()) {
            changes.add(new ValidatorChange.Jailed(height));
        } else if (before.jailed() && !after.jailed()) {
            changes.add(new ValidatorChange.Unjailed());
        }
        boolean wasBonded = before.found() && before.status() == BondStatus.BONDED;
        boolean isBonded = after.status() == BondStatus.BONDED;
        if (!wasBonded && isBonded) {
            changes.add(new ValidatorChange.Bonded(after.votingPower()));
        } else if (!before.found() && !isBonded) {
            // created but outside the active set (the bonded set is full, or its power is too low): the setup has to
            // leave tx_submitted for inactive, otherwise it would wait for a bond that may never come
            changes.add(new ValidatorChange.Unbonded("not in the active set (" + after.status().label() + ")"));
        } else if (wasBonded && !isBonded) {
            changes.add(new ValidatorChange.Unbonded(after.status().label()));
        } else if (isBonded && before.votingPower() != after.votingPower()) {
            changes.add(new ValidatorChange.VotingPowerChanged(before.votingPower(), after.votingPower(), true));
        }
        return changes;
    }
}
