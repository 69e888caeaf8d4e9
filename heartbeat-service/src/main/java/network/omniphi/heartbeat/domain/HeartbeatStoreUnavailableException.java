package network.omniphi.heartbeat.domain;

import java.util.List;

import network.omniphi.commons.error.ErrorKind;

/** The heartbeat could not be made durable in time; nothing is acknowledged (503, retry with a new heartbeat). */
public final class HeartbeatStoreUnavailableException extends HeartbeatException {

    public HeartbeatStoreUnavailableException(Throwable cause) {
        super("The heartbeat could not be stored; send the next one.", List.of(), cause);
    }

    @Override
    public String code() {
        return "heartbeat-store-unavailable";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAVAILABLE;
    }

    @Override
    public String title() {
        return "Heartbeat store unavailable";
    }

    @Override
    public Long retryAfterSeconds() {
        return 5L;
    }
}
