package network.omniphi.gateway.domain;

import java.util.List;

import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.error.ErrorKind;
import network.omniphi.commons.error.FieldError;

/**
 * The gateway's domain errors. Each subclass owns one stable code (the problem type), registered here and never
 * reused.
 */
public abstract sealed class GatewayException extends DomainException
        permits GatewayException.InvalidRequest, GatewayException.SetupNotFound, GatewayException.SetupConflict,
        GatewayException.RuleViolation, GatewayException.Unauthenticated, GatewayException.Forbidden,
        GatewayException.RateLimited, GatewayException.PayloadTooLarge, GatewayException.DownstreamUnavailable,
        GatewayException.LinkProofInvalid, GatewayException.HeartbeatNotFound {

    protected GatewayException(String detail, List<FieldError> errors, Throwable cause) {
        super(detail, errors, cause);
    }

    /** 400: the request is malformed; {@link #errors()} names every wrong field. */
    public static final class InvalidRequest extends GatewayException {
        public InvalidRequest(List<FieldError> errors) {
            super("One or more fields are invalid.", errors, null);
        }

        @Override
        public String code() {
            return "invalid-request";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.INVALID_INPUT;
        }

        @Override
        public String title() {
            return "Invalid request";
        }
    }

    /**
     * 400: the consensus-key link proof is well-formed but its signature does not verify over the canonical link
     * document of this chain, setup and owner (wrong key, or signed over anything else).
     */
    public static final class LinkProofInvalid extends GatewayException {
        public LinkProofInvalid(String detail) {
            super(detail, List.of(new FieldError("signature",
                    "must be the consensus key's ed25519 signature over the canonical link document")), null);
        }

        @Override
        public String code() {
            return "link-proof-invalid";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.INVALID_INPUT;
        }

        @Override
        public String title() {
            return "Invalid consensus key link proof";
        }
    }

    /** 404: no heartbeat of that consensus key is known. */
    public static final class HeartbeatNotFound extends GatewayException {
        public HeartbeatNotFound() {
            super("No heartbeat of this consensus key is known.", List.of(), null);
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

    /** 404: no setup request with that id. */
    public static final class SetupNotFound extends GatewayException {
        public SetupNotFound(String id) {
            super("No setup request with id " + id + ".", List.of(), null);
        }

        @Override
        public String code() {
            return "setup-not-found";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.NOT_FOUND;
        }

        @Override
        public String title() {
            return "Setup request not found";
        }
    }

    /** 409: the request conflicts with the setup's current state. */
    public static final class SetupConflict extends GatewayException {
        private final String code;

        public SetupConflict(String code, String detail) {
            super(detail, List.of(), null);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        @Override
        public String title() {
            return "Conflict with the current state";
        }
    }

    /** 422: well-formed, but a chain or product rule forbids it. */
    public static final class RuleViolation extends GatewayException {
        private final String code;

        public RuleViolation(String code, String detail, List<FieldError> errors) {
            super(detail, errors, null);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.RULE_VIOLATION;
        }

        @Override
        public String title() {
            return "Rule violation";
        }
    }

    /** 401: no valid credentials. */
    public static final class Unauthenticated extends GatewayException {
        private final String code;

        public Unauthenticated(String code, String detail) {
            super(detail, List.of(), null);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.UNAUTHENTICATED;
        }

        @Override
        public String title() {
            return "Authentication required";
        }
    }

    /** 403: authenticated, but not the owner. */
    public static final class Forbidden extends GatewayException {
        public Forbidden(String detail) {
            super(detail, List.of(), null);
        }

        @Override
        public String code() {
            return "forbidden";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.FORBIDDEN;
        }

        @Override
        public String title() {
            return "Forbidden";
        }
    }

    /** 429: too many requests; retry after the given seconds. */
    public static final class RateLimited extends GatewayException {
        private final long retryAfter;

        public RateLimited(long retryAfterSeconds) {
            super("Too many requests; retry after " + retryAfterSeconds + " s.", List.of(), null);
            this.retryAfter = retryAfterSeconds;
        }

        @Override
        public String code() {
            return "rate-limited";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.RATE_LIMITED;
        }

        @Override
        public String title() {
            return "Too many requests";
        }

        @Override
        public Long retryAfterSeconds() {
            return retryAfter;
        }
    }

    /** 413: the request body is larger than the configured limit. */
    public static final class PayloadTooLarge extends GatewayException {
        public PayloadTooLarge(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes.", List.of(), null);
        }

        @Override
        public String code() {
            return "payload-too-large";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.PAYLOAD_TOO_LARGE;
        }

        @Override
        public String title() {
            return "Payload too large";
        }
    }

    /**
     * 503/504 (502 when a request forwarded as it is found no service to answer it): a service we depend on did not
     * answer.
     */
    public static final class DownstreamUnavailable extends GatewayException {
        private final String code;
        private final boolean timeout;
        private final boolean badGateway;

        public DownstreamUnavailable(String code, String detail, boolean timeout, Throwable cause) {
            this(code, detail, timeout, false, cause);
        }

        public DownstreamUnavailable(String code, String detail, boolean timeout, boolean badGateway,
                Throwable cause) {
            super(detail, List.of(), cause);
            this.code = code;
            this.timeout = timeout;
            this.badGateway = badGateway;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public ErrorKind kind() {
            return timeout ? ErrorKind.TIMEOUT : badGateway ? ErrorKind.BAD_GATEWAY : ErrorKind.UNAVAILABLE;
        }

        @Override
        public String title() {
            return "Downstream service unavailable";
        }

        @Override
        public Long retryAfterSeconds() {
            return 5L;
        }
    }
}
