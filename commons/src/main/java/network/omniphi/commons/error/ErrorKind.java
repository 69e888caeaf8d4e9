package network.omniphi.commons.error;

/** What kind of failure a domain error is; the edge maps each kind to one HTTP status. */
public enum ErrorKind {
    INVALID_INPUT(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), PAYLOAD_TOO_LARGE(
            413), RULE_VIOLATION(422), RATE_LIMITED(429), BAD_GATEWAY(502), UNAVAILABLE(503), TIMEOUT(504);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
