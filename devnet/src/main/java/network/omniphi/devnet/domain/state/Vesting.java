package network.omniphi.devnet.domain.state;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A delayed vesting schedule on an account (cosmos-sdk v0.50 {@code x/auth/vesting/types/vesting_account.go}
 * DelayedVestingAccount, bond denom only): {@code originalVesting} is locked until {@code endTime}. Locked coins can be
 * delegated (tracked in {@code delegatedVesting}) but not spent, so fees come from the spendable balance only.
 */
public record Vesting(BigInteger originalVesting, Instant endTime, BigInteger delegatedVesting) {

    /** GetVestingCoins: everything before end time, nothing after. */
    public BigInteger vestingCoins(Instant at) {
        return at.isBefore(endTime) ? originalVesting : BigInteger.ZERO;
    }

    /** LockedCoins = max(vesting - delegated vesting, 0). */
    public BigInteger locked(Instant at) {
        return vestingCoins(at).subtract(delegatedVesting).max(BigInteger.ZERO);
    }

    /** TrackDelegation: the part of a delegation that comes out of the still-vesting coins. */
    public Vesting trackDelegation(Instant at, BigInteger amount) {
        BigInteger fromVesting = vestingCoins(at).subtract(delegatedVesting).max(BigInteger.ZERO).min(amount);
        return new Vesting(originalVesting, endTime, delegatedVesting.add(fromVesting));
    }
}
