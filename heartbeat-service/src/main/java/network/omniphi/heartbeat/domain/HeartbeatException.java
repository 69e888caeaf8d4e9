package network.omniphi.heartbeat.domain;

import java.util.List;

import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.error.FieldError;

/**
 * The heartbeat service's domain errors. Codes are registered once here and never reused: {@code invalid-heartbeat},
 * {@code invalid-query}, {@code signature-invalid}, {@code timestamp-outside-window}, {@code heartbeat-replayed},
 * {@code consensus-key-bound-elsewhere}, {@code heartbeat-rate-limited}, {@code heartbeat-store-unavailable},
 * {@code consensus-key-not-linked}, {@code heartbeat-not-found}.
 */
public abstract sealed class HeartbeatException extends DomainException
        permits InvalidHeartbeatException, InvalidQueryException, SignatureInvalidException,
        TimestampOutsideWindowException, HeartbeatReplayedException, KeyBoundElsewhereException,
        HeartbeatRateLimitedException, HeartbeatStoreUnavailableException, ConsensusKeyNotLinkedException,
        HeartbeatNotFoundException {

    protected HeartbeatException(String detail) {
        super(detail);
    }

    protected HeartbeatException(String detail, List<FieldError> errors, Throwable cause) {
        super(detail, errors, cause);
    }
}
