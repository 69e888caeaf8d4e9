package network.omniphi.heartbeat.domain;

import java.util.List;

import network.omniphi.commons.error.ErrorKind;
import network.omniphi.commons.error.FieldError;

/** The heartbeat body is malformed: not JSON, wrong shape, unknown or missing fields, bad formats (400). */
public final class InvalidHeartbeatException extends HeartbeatException {

    public InvalidHeartbeatException(String detail, List<FieldError> errors) {
        super(detail, errors, null);
    }

    @Override
    public String code() {
        return "invalid-heartbeat";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }

    @Override
    public String title() {
        return "Invalid heartbeat";
    }
}
