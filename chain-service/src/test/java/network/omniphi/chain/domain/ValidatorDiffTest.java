package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.ObservedValidator;
import network.omniphi.chain.domain.model.ValidatorChange;

class ValidatorDiffTest {

    static final ObservedValidator UNSEEN = new ObservedValidator("s1", "omnivaloper1x", false, BondStatus.UNSPECIFIED,
            false, 0);

    static ObservedValidator seen(BondStatus status, boolean jailed, long power) {
        return new ObservedValidator("s1", "omnivaloper1x", true, status, jailed, power);
    }

    @Test
    void nothingWhileTheValidatorIsNotOnChain() {
        assertThat(ValidatorDiff.between(UNSEEN, UNSEEN, 10)).isEmpty();
    }

    @Test
    void firstSeenBondedIsBondedWithItsPower() {
        assertThat(ValidatorDiff.between(UNSEEN, seen(BondStatus.BONDED, false, 2000), 10))
                .containsExactly(new ValidatorChange.Bonded(2000));
    }

    @Test
    void firstSeenOutsideTheActiveSetIsUnbondedSoTheSetupLeavesTxSubmitted() {
        List<ValidatorChange> changes = ValidatorDiff.between(UNSEEN, seen(BondStatus.UNBONDED, false, 0), 10);
        assertThat(changes).singleElement().isInstanceOfSatisfying(ValidatorChange.Unbonded.class,
                u -> assertThat(u.reason()).contains("not in the active set"));
    }

    @Test
    void laterBondingOfAnUnbondedValidatorIsBonded() {
        assertThat(ValidatorDiff.between(seen(BondStatus.UNBONDED, false, 0), seen(BondStatus.BONDED, false, 2000), 11))
                .containsExactly(new ValidatorChange.Bonded(2000));
    }

    @Test
    void anUnchangedUnbondedValidatorEmitsNothingAgain() {
        assertThat(ValidatorDiff.between(seen(BondStatus.UNBONDED, false, 0), seen(BondStatus.UNBONDED, false, 0), 12))
                .isEmpty();
    }

    @Test
    void leavingTheActiveSetIsUnbonded() {
        assertThat(
                ValidatorDiff.between(seen(BondStatus.BONDED, false, 2000), seen(BondStatus.UNBONDING, false, 0), 12))
                .containsExactly(new ValidatorChange.Unbonded("unbonding"));
    }

    @Test
    void jailingIsReportedWithItsHeight() {
        assertThat(ValidatorDiff.between(seen(BondStatus.BONDED, false, 2000), seen(BondStatus.UNBONDING, true, 0), 13))
                .containsExactly(new ValidatorChange.Jailed(13), new ValidatorChange.Unbonded("unbonding"));
    }

    @Test
    void powerChangeOfABondedValidator() {
        assertThat(
                ValidatorDiff.between(seen(BondStatus.BONDED, false, 2000), seen(BondStatus.BONDED, false, 2500), 14))
                .containsExactly(new ValidatorChange.VotingPowerChanged(2000, 2500, true));
    }
}
