package network.omniphi.devnet.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import network.omniphi.devnet.domain.crypto.Ed25519;
import network.omniphi.devnet.domain.crypto.Hashes;
import network.omniphi.devnet.domain.state.BondStatus;
import network.omniphi.devnet.domain.state.ChainState;
import network.omniphi.devnet.domain.state.Validator;
import network.omniphi.devnet.domain.state.Vesting;
import network.omniphi.devnet.domain.tx.Description;

/**
 * Builds the genesis state: accounts funded in the bond denom (account numbers in listed order) and validators whose
 * operator and consensus keys derive deterministically from their moniker, so addresses are stable across restarts.
 */
final class GenesisLoader {

    private static final BigDecimal DEFAULT_RATE = new BigDecimal("0.10");
    private static final BigDecimal DEFAULT_MAX_RATE = new BigDecimal("0.20");
    private static final BigDecimal DEFAULT_MAX_CHANGE_RATE = new BigDecimal("0.01");

    private GenesisLoader() {
    }

    static ChainState load(ChainParams params, Genesis genesis) {
        ChainState state = new ChainState();
        for (Genesis.FundedAccount funded : genesis.accounts()) {
            if (funded.amount().signum() <= 0) {
                throw new IllegalArgumentException("genesis amount must be positive for " + funded.address());
            }
            state.credit(Addresses.parseAccount(funded.address()), params.bondDenom(), funded.amount());
        }
        for (Genesis.VestingAccount v : genesis.vestingAccounts()) {
            if (v.amount().signum() <= 0 || v.lockedFor().isNegative()) {
                throw new IllegalArgumentException("vesting account needs a positive amount and duration: "
                        + v.address());
            }
            byte[] address = Addresses.parseAccount(v.address());
            state.credit(address, params.bondDenom(), v.amount());
            state.putVesting(address, new Vesting(v.amount(), genesis.time().plus(v.lockedFor()),
                    BigInteger.ZERO));
        }
        for (Genesis.GenesisValidator gv : genesis.validators()) {
            if (gv.power() <= 0) {
                throw new IllegalArgumentException("genesis validator power must be positive: " + gv.moniker());
            }
            Validator validator = validator(params, genesis, gv);
            if (state.validator(validator.operator()).isPresent()) {
                throw new IllegalArgumentException("duplicate genesis validator moniker " + gv.moniker());
            }
            state.put(validator);
        }
        state.updateActiveSet(params.maxValidators());
        return state;
    }

    /** The operator address bytes of a genesis validator. */
    static byte[] operatorOf(String moniker) {
        byte[] digest = Hashes.sha256(("omniphi-devnet/genesis-operator/" + moniker).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(digest, 20);
    }

    private static Validator validator(ChainParams params, Genesis genesis, Genesis.GenesisValidator gv) {
        BigDecimal rate = DEFAULT_RATE.max(params.minCommissionRate());
        BigDecimal maxRate = DEFAULT_MAX_RATE.max(rate);
        Validator.Commission commission = new Validator.Commission(rate, maxRate, DEFAULT_MAX_CHANGE_RATE,
                genesis.time());
        BigInteger tokens = BigInteger.valueOf(gv.power()).multiply(Validator.POWER_REDUCTION);
        byte[] consensusKey = Ed25519.publicKeyFromLabel("omniphi-devnet/genesis-consensus/" + gv.moniker());
        return new Validator(operatorOf(gv.moniker()), consensusKey, false, BondStatus.UNBONDED, tokens,
                new Description(gv.moniker(), "", "", "", "genesis validator"), commission, BigInteger.ONE, 0);
    }
}
