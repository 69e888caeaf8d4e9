package network.omniphi.heartbeat.domain;

/**
 * Result of one conditional write. For an accepted write: the setup the key is bound to (or null), whether the row
 * was new, and whether the setup the key is linked to is still pending (to be bound now). A key that no live setup of
 * the heartbeat's wallet links is refused ({@code NOT_LINKED}) and nothing is written.
 */
public record StoreOutcome(Status status, String setupRequestId, boolean inserted, boolean bindingCandidate) {

    public enum Status {
        ACCEPTED, REPLAYED, KEY_BOUND_ELSEWHERE, NOT_LINKED
    }

    public static StoreOutcome accepted(String setupRequestId, boolean inserted, boolean bindingCandidate) {
        return new StoreOutcome(Status.ACCEPTED, setupRequestId, inserted, bindingCandidate);
    }

    public static StoreOutcome refused(Status status) {
        return new StoreOutcome(status, null, false, false);
    }
}
