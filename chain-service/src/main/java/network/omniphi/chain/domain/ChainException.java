package network.omniphi.chain.domain;

import java.util.List;

import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.error.ErrorKind;
import network.omniphi.commons.error.FieldError;

/** The sealed root of chain-service's domain errors; the concrete type says who must act. */
public abstract sealed class ChainException extends DomainException
        permits ChainException.Invalid, ChainException.Refused, ChainException.Unavailable {

    private final ChainError error;

    ChainException(ChainError error, String detail, List<FieldError> errors, Throwable cause) {
        super(detail, errors, cause);
        this.error = error;
    }

    public ChainError error() {
        return error;
    }

    @Override
    public String code() {
        return error.code();
    }

    @Override
    public ErrorKind kind() {
        return error.kind();
    }

    @Override
    public String title() {
        return error.title();
    }

    /** The caller sent something malformed (fix the request). */
    public static final class Invalid extends ChainException {
        public Invalid(ChainError error, String detail, List<FieldError> errors) {
            super(error, detail, errors, null);
        }

        public static Invalid field(String field, String message) {
            return new Invalid(ChainError.INVALID_INPUT, field + ": " + message,
                    List.of(new FieldError(field, message)));
        }
    }

    /** The request is well-formed but the rules or the chain state refuse it (rule violation, conflict, not found). */
    public static final class Refused extends ChainException {
        public Refused(ChainError error, String detail) {
            super(error, detail, List.of(), null);
        }
    }

    /** The chain or the node could not be reached; retry later. */
    public static final class Unavailable extends ChainException {
        public Unavailable(ChainError error, String detail, Throwable cause) {
            super(error, detail, List.of(), cause);
        }

        @Override
        public Long retryAfterSeconds() {
            return 5L;
        }
    }
}
