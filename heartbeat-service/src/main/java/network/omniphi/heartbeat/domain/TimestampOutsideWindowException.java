package network.omniphi.heartbeat.domain;

import network.omniphi.commons.error.ErrorKind;

/** The signed timestamp is too far from the server clock, so the signature proves nothing fresh (401). */
public final class TimestampOutsideWindowException extends HeartbeatException {

    public TimestampOutsideWindowException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return "timestamp-outside-window";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAUTHENTICATED;
    }

    @Override
    public String title() {
        return "Heartbeat timestamp outside the accepted window";
    }
}
