package network.omniphi.heartbeat.domain;

import network.omniphi.commons.error.ErrorKind;

/** The consensus key already reports for a different wallet (409). */
public final class KeyBoundElsewhereException extends HeartbeatException {

    public KeyBoundElsewhereException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return "consensus-key-bound-elsewhere";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String title() {
        return "Consensus key bound to another wallet";
    }
}
