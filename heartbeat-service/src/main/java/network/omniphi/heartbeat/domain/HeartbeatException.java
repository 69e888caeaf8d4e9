package network.omniphi.heartbeat.domain;

import java.time.Duration;
import java.util.List;

import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.error.ErrorKind;
import network.omniphi.commons.error.FieldError;

/**
 * The heartbeat service's domain errors. Codes are registered once here and never reused: {@code invalid-heartbeat},
 * {@code invalid-query}, {@code signature-invalid}, {@code timestamp-outside-window}, {@code heartbeat-replayed},
 * {@code consensus-key-bound-elsewhere}, {@code heartbeat-rate-limited}, {@code heartbeat-store-unavailable},
 * {@code consensus-key-not-linked}, {@code heartbeat-not-found}.
 */
public abstract sealed class HeartbeatException extends DomainException
        permits HeartbeatException.InvalidHeartbeat, HeartbeatException.InvalidQuery,
        HeartbeatException.SignatureInvalid, HeartbeatException.TimestampOutsideWindow, HeartbeatException.Replayed,
        HeartbeatException.KeyBoundElsewhere, HeartbeatException.RateLimited, HeartbeatException.StoreUnavailable,
        HeartbeatException.KeyNotLinked, HeartbeatException.NotFound {

    protected HeartbeatException(String detail) {
        super(detail);
    }

    protected HeartbeatException(String detail, List<FieldError> errors, Throwable cause) {
        super(detail, errors, cause);
    }

    /** The heartbeat body is malformed: not JSON, wrong shape, unknown or missing fields, bad formats (400). */
    public static final class InvalidHeartbeat extends HeartbeatException {

        public InvalidHeartbeat(String detail, List<FieldError> errors) {
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

    /** A query parameter of a read endpoint is missing or malformed (400). */
    public static final class InvalidQuery extends HeartbeatException {

        public InvalidQuery(String field, String message) {
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

    /** The signature does not verify against the consensus key over the canonical body (401). */
    public static final class SignatureInvalid extends HeartbeatException {

        public SignatureInvalid(String detail) {
            super(detail);
        }

        @Override
        public String code() {
            return "signature-invalid";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.UNAUTHENTICATED;
        }

        @Override
        public String title() {
            return "Invalid heartbeat signature";
        }
    }

    /** The signed timestamp is too far from the server clock, so the signature proves nothing fresh (401). */
    public static final class TimestampOutsideWindow extends HeartbeatException {

        public TimestampOutsideWindow(String detail) {
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

    /** The signed timestamp is not newer than the last accepted heartbeat of this key (409). */
    public static final class Replayed extends HeartbeatException {

        public Replayed(String detail) {
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

    /** The consensus key already reports for a different wallet (409). */
    public static final class KeyBoundElsewhere extends HeartbeatException {

        public KeyBoundElsewhere(String detail) {
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

    /** The consensus key sends heartbeats faster than allowed (429 with Retry-After). */
    public static final class RateLimited extends HeartbeatException {

        private final long retryAfterSeconds;

        public RateLimited(Duration retryAfter) {
            super("This consensus key sends heartbeats too fast; retry later.");
            this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        @Override
        public String code() {
            return "heartbeat-rate-limited";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.RATE_LIMITED;
        }

        @Override
        public String title() {
            return "Too many heartbeats";
        }

        @Override
        public Long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The heartbeat could not be made durable in time; nothing is acknowledged (503, retry with a new heartbeat). */
    public static final class StoreUnavailable extends HeartbeatException {

        public StoreUnavailable(Throwable cause) {
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

    /**
     * The heartbeat's consensus key is linked to no live setup of its wallet (403): the owner has not linked it
     * (DESIGN.md "Local mode key link"), the setup was stopped, or the heartbeat names another wallet than the owner's.
     * Nothing is stored.
     */
    public static final class KeyNotLinked extends HeartbeatException {

        public KeyNotLinked() {
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

    /** No heartbeat of this consensus key is stored (404). */
    public static final class NotFound extends HeartbeatException {

        public NotFound() {
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
}
