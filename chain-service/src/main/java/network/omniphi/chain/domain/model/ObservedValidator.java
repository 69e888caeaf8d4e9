package network.omniphi.chain.domain.model;

/** Last seen state of a tracked validator (persisted, so a restart does not re-emit events). */
public record ObservedValidator(String setupRequestId, String operatorAddress, boolean found, BondStatus status,
        boolean jailed, long votingPower) {
}
