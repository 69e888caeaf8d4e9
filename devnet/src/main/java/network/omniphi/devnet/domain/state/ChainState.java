package network.omniphi.devnet.domain.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The application state: accounts and validators. Not thread-safe; the engine serialises access and branches it with
 * {@link #copy()} for check, simulation and per-tx message execution.
 */
public final class ChainState {

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Account> accounts;
    private final Map<String, Validator> validators;
    private final Map<String, Vesting> vesting;
    private long nextAccountNumber;

    public ChainState() {
        this(new LinkedHashMap<>(), new TreeMap<>(), new LinkedHashMap<>(), 0);
    }

    private ChainState(Map<String, Account> accounts, Map<String, Validator> validators, Map<String, Vesting> vesting,
            long nextAccountNumber) {
        this.vesting = vesting;
        this.accounts = accounts;
        this.validators = validators;
        this.nextAccountNumber = nextAccountNumber;
    }

    public ChainState copy() {
        return new ChainState(new LinkedHashMap<>(accounts), new TreeMap<>(validators), new LinkedHashMap<>(vesting),
                nextAccountNumber);
    }

    /** Takes over the content of a branch created with {@link #copy()}. */
    public void replaceWith(ChainState branch) {
        accounts.clear();
        accounts.putAll(branch.accounts);
        validators.clear();
        validators.putAll(branch.validators);
        vesting.clear();
        vesting.putAll(branch.vesting);
        nextAccountNumber = branch.nextAccountNumber;
    }

    public Optional<Account> account(byte[] address) {
        return Optional.ofNullable(accounts.get(HEX.formatHex(address)));
    }

    public void put(Account account) {
        accounts.put(HEX.formatHex(account.address()), account);
    }

    /** Credits coins, creating the account with the next account number on its first funding. */
    public Account credit(byte[] address, String denom, BigInteger amount) {
        Account account = account(address).orElseGet(() -> Account.fresh(address, nextAccountNumber++));
        Account updated = account.withBalance(denom, account.balance(denom).add(amount));
        put(updated);
        return updated;
    }

    /** The account's vesting schedule, if it is a vesting account. */
    public Optional<Vesting> vesting(byte[] address) {
        return Optional.ofNullable(vesting.get(HEX.formatHex(address)));
    }

    public void putVesting(byte[] address, Vesting schedule) {
        vesting.put(HEX.formatHex(address), schedule);
    }

    /** Balance minus coins still locked by vesting (bank SpendableCoins); equal to the balance for other denoms. */
    public java.math.BigInteger spendable(byte[] address, String denom, String bondDenom, java.time.Instant at) {
        java.math.BigInteger balance = account(address).map(a -> a.balance(denom)).orElse(java.math.BigInteger.ZERO);
        if (!denom.equals(bondDenom)) {
            return balance;
        }
        java.math.BigInteger locked = vesting(address).map(v -> v.locked(at)).orElse(java.math.BigInteger.ZERO);
        return balance.subtract(locked).max(java.math.BigInteger.ZERO);
    }

    public Optional<Validator> validator(byte[] operator) {
        return Optional.ofNullable(validators.get(HEX.formatHex(operator)));
    }

    public Optional<Validator> validatorByConsensusKey(byte[] key) {
        return validators.values().stream().filter(v -> java.util.Arrays.equals(v.consensusKey(), key)).findFirst();
    }

    public void put(Validator validator) {
        validators.put(HEX.formatHex(validator.operator()), validator);
    }

    /** Validators in operator-address order, as the SDK store iterates them. */
    public List<Validator> validators() {
        return List.copyOf(validators.values());
    }

    /** Bonds the top {@code maxValidators} un-jailed validators with power > 0; all others become unbonded. */
    public void updateActiveSet(int maxValidators) {
        List<Validator> candidates = new ArrayList<>(validators.values().stream()
                .filter(v -> !v.jailed() && v.power() > 0).toList());
        candidates.sort(Comparator.comparing(Validator::tokens).reversed()
                .thenComparing(v -> HEX.formatHex(v.operator())));
        List<String> bonded = candidates.stream().limit(maxValidators).map(v -> HEX.formatHex(v.operator())).toList();
        validators.replaceAll((key, v) -> v.withStatus(bonded.contains(key) ? BondStatus.BONDED : BondStatus.UNBONDED));
    }
}
