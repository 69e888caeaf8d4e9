package network.omniphi.heartbeat.domain;

import network.omniphi.commons.error.ErrorKind;

/**
 * The heartbeat's consensus key is linked to no live setup of its wallet (403): the owner has not linked it
 * (DESIGN.md "Local mode key link"), the setup was stopped, or the heartbeat names another wallet than the owner's.
 * Nothing is stored.
 */
public final class ConsensusKeyNotLinkedException extends HeartbeatException {

    public ConsensusKeyNotLinkedException() {
        super("This consensus key is not linked to a live setup of walletAddress. The setup's owner links it first:"
                + " POST /api/v1/validators/setup-requests/{id}/consensus-key (see docs/heartbeat-protocol.md).");
    }

    @Override
    public String code() {
        return "consensus-key-not-linked";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.FORBIDDEN;
    }

    @Override
    public String title() {
        return "Consensus key not linked";
    }
}
