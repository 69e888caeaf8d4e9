package network.omniphi.heartbeat.domain;

import java.util.List;

import network.omniphi.commons.error.ErrorKind;
import network.omniphi.commons.error.FieldError;

/** A query parameter of a read endpoint is missing or malformed (400). */
public final class InvalidQueryException extends HeartbeatException {

    public InvalidQueryException(String field, String message) {
        super("The query is invalid.", List.of(new FieldError(field, message)), null);
    }

    @Override
    public String code() {
        return "invalid-query";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }

    @Override
    public String title() {
        return "Invalid query";
    }
}
