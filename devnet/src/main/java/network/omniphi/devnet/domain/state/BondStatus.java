package network.omniphi.devnet.domain.state;

/** Validator bond status; the devnet has no unbonding delay, so validators leaving the set become unbonded. */
public enum BondStatus {
    BONDED, UNBONDED
}
