package network.omniphi.heartbeat.domain;

import network.omniphi.commons.error.ErrorKind;

/** No heartbeat of this consensus key is stored (404). */
public final class HeartbeatNotFoundException extends HeartbeatException {

    public HeartbeatNotFoundException() {
        super("No heartbeat of this consensus key is known.");
    }

    @Override
    public String code() {
        return "heartbeat-not-found";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }

    @Override
    public String title() {
        return "Heartbeat not found";
    }
}
