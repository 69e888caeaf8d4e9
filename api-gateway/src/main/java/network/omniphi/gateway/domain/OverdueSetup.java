package network.omniphi.gateway.domain;

/**
 * A setup past its status' deadline, claimed by this sweep round (row-locked until the round's transaction ends).
 *
 * @param redrives how often the sweep has already re-driven it in its current status
 */
public record OverdueSetup(SetupRequest setup, int redrives) {
}
