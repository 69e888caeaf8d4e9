package network.omniphi.chain.domain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.Preflight;

/** Stateful checks against the chain (keeper rules) and the pre-flight answer built from the same facts. */
final class KeeperRules {

    private KeeperRules() {
    }

    static void beforeSimulation(CreateValidatorCommand cmd, ChainFacts facts, ChainSettings settings) {
        if (facts.account() == null) {
            refuse(ChainError.ACCOUNT_NOT_FOUND, cmd.walletAddress() + " has no account on "
                    + facts.head().chainId() + "; fund it first");
        }
        String bondDenom = facts.staking().bondDenom();
        if (!cmd.selfDelegation().denom().equals(bondDenom)) {
            refuse(ChainError.WRONG_DENOM, "self-delegation denom " + cmd.selfDelegation().denom()
                    + " is not the bond denom " + bondDenom);
        }
        if (cmd.commission().rate().compareTo(facts.staking().minCommissionRate()) < 0) {
            refuse(ChainError.COMMISSION_BELOW_MINIMUM,
                    "commission rate " + cmd.commission().rate().stripTrailingZeros()
                            .toPlainString() + " is below the chain minimum "
                            + LegacyDec.toAmino(
                                    facts.staking().minCommissionRate()));
        }
        if (facts.operatorTaken(cmd.operatorAddress())) {
            refuse(ChainError.VALIDATOR_EXISTS, cmd.operatorAddress() + " is already a validator");
        }
        if (facts.consensusKeyTaken(cmd.consensusPubkey())) {
            refuse(ChainError.CONSENSUS_KEY_TAKEN, "the consensus key is already used by another validator");
        }
        if (facts.balance().compareTo(cmd.selfDelegation().amount()) < 0) {
            refuse(ChainError.INSUFFICIENT_BALANCE, "balance " + facts.balance() + bondDenom
                    + " does not cover the self-delegation " + cmd.selfDelegation() + " (plus fee)");
        }
        Preflight.NodeSync sync = PreflightCalculator.nodeSync(facts.nodeHeight(), facts.head().height(),
                settings.maxNodeLagBlocks());
        if (!sync.inSync()) {
            refuse(ChainError.NODE_NOT_SYNCED, "the node is " + sync.lagBlocks() + " blocks behind the chain (at most "
                    + sync.maxLagBlocks() + " allowed); wait until it has caught up");
        }
    }

    static Preflight afterSimulation(CreateValidatorCommand cmd, ChainFacts facts, Coin fee, ChainSettings settings,
            Duration blockTime) {
        Coin self = cmd.selfDelegation();
        BigInteger feeInDenom = fee.denom().equals(self.denom()) ? fee.amount() : BigInteger.ZERO;
        Coin required = self.plus(feeInDenom);
        Coin balance = new Coin(self.denom(), facts.balance());
        if (balance.amount().compareTo(required.amount()) < 0) {
            refuse(ChainError.INSUFFICIENT_BALANCE, "balance " + balance + " does not cover self-delegation " + self
                    + " plus fee " + fee);
        }
        // vesting accounts: locked coins may be delegated (x/bank DelegateCoins checks the whole balance) but the
        // fee is paid with SendCoins from spendable coins only (x/auth/ante/fee.go DeductFees)
        if (facts.spendable().compareTo(fee.amount()) < 0) {
            refuse(ChainError.INSUFFICIENT_BALANCE, "spendable balance " + facts.spendable() + fee.denom()
                    + " does not cover the fee " + fee + " (coins still vesting can be delegated, not spent)");
        }
        Preflight.ActiveSet activeSet = PreflightCalculator.activeSet(facts.validators(),
                facts.staking().maxValidators(), settings.powerReduction(), self.amount());
        List<String> warnings = new ArrayList<>(List.of(PreflightCalculator.IMMUTABLE_RATES_WARNING));
        if (!activeSet.entersActiveSet()) {
            warnings.add(PreflightCalculator.OUTSIDE_ACTIVE_SET_WARNING);
        }
        return new Preflight(facts.head().chainId(), balance, required, true, facts.staking().minCommissionRate(),
                true, true, PreflightCalculator.nodeSync(facts.nodeHeight(), facts.head().height(),
                        settings.maxNodeLagBlocks()),
                activeSet, PreflightCalculator.slashing(facts.slashing(), blockTime), List.copyOf(warnings));
    }

    private static void refuse(ChainError error, String detail) {
        throw new ChainException.Refused(error, detail);
    }
}
