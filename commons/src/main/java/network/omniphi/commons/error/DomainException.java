package network.omniphi.commons.error;

import java.util.List;

/**
 * Base of every service's sealed domain error hierarchy. Each concrete error has a stable {@link #code()} that is
 * registered once and never reused; the code becomes the problem type URI and the {@code code} extension.
 */
public abstract class DomainException extends RuntimeException {

    private final List<FieldError> errors;

    protected DomainException(String detail, List<FieldError> errors, Throwable cause) {
        super(detail, cause);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    protected DomainException(String detail) {
        this(detail, List.of(), null);
    }

    /** Stable machine-readable code, e.g. {@code setup-not-found}. */
    public abstract String code();

    public abstract ErrorKind kind();

    /** Short human summary that does not change between occurrences. */
    public abstract String title();

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds after which a retry makes sense (rate limits, unavailability), or null. */
    public Long retryAfterSeconds() {
        return null;
    }
}
