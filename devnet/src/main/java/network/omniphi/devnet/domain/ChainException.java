package network.omniphi.devnet.domain;

/** A tx or query refused by the chain rules, carrying the Cosmos code and the SDK-style raw log. */
public final class ChainException extends RuntimeException {

    private final ChainError error;

    public ChainException(ChainError error, String detail) {
        super(detail == null || detail.isEmpty() ? error.description() : detail + ": " + error.description());
        this.error = error;
    }

    public ChainError error() {
        return error;
    }

    /** The SDK-style raw log: {@code "<detail>: <description>"}. */
    public String rawLog() {
        return getMessage();
    }
}
