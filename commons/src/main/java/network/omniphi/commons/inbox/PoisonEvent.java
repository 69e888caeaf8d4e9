package network.omniphi.commons.inbox;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * An event that can never be applied, however often it is retried: its bytes do not parse, it violates the event
 * schema (a required field is missing or malformed), or the domain finds it invalid in a way no later state can
 * change. Such an event goes to the dead-letter topic instead of blocking its partition; everything else that fails
 * is transient and retried (see {@link ApplyRetry}).
 */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String reason) {
        super(reason);
    }

    public PoisonEvent(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Whether {@code t} (or one of its causes) marks an event as never applicable. */
    public static boolean isPermanent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PoisonEvent || c instanceof InvalidProtocolBufferException) {
                return true;
            }
        }
        return false;
    }
}
