package network.omniphi.devnet.domain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** Genesis: funded accounts (in bond denom, numbered in this order) and validators with their power. */
public record Genesis(Instant time, List<FundedAccount> accounts, List<GenesisValidator> validators,
        List<VestingAccount> vestingAccounts) {

    public record FundedAccount(String address, BigInteger amount) {
    }

    /** A delayed vesting account: {@code amount} funded and locked until genesis time + {@code lockedFor}. */
    public record VestingAccount(String address, BigInteger amount, java.time.Duration lockedFor) {
    }

    public Genesis(Instant time, List<FundedAccount> accounts, List<GenesisValidator> validators) {
        this(time, accounts, validators, List.of());
    }

    /** A genesis validator; its operator and consensus keys are derived deterministically from the moniker. */
    public record GenesisValidator(String moniker, long power) {
    }

    public Genesis {
        accounts = List.copyOf(accounts);
        validators = List.copyOf(validators);
        vestingAccounts = List.copyOf(vestingAccounts);
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("genesis needs at least one validator so there is an active set");
        }
    }
}
