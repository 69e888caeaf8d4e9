package network.omniphi.heartbeat.domain;

import network.omniphi.commons.error.ErrorKind;

/** The signed timestamp is not newer than the last accepted heartbeat of this key (409). */
public final class HeartbeatReplayedException extends HeartbeatException {

    public HeartbeatReplayedException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return "heartbeat-replayed";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String title() {
        return "Heartbeat replayed";
    }
}
