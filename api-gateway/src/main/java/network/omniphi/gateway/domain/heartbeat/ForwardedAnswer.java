package network.omniphi.gateway.domain.heartbeat;

/**
 * The heartbeat service's reply to a forwarded heartbeat, to be passed back to the caller as it is.
 *
 * @param contentType the reply's Content-Type, or null
 * @param retryAfter the reply's Retry-After, or null
 * @param body the reply's bytes (empty when it had none)
 */
public record ForwardedAnswer(int status, String contentType, String retryAfter, byte[] body) {

    public ForwardedAnswer {
        body = body == null ? new byte[0] : body;
    }
}
