package network.omniphi.gateway.domain;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Port: remembers processed event ids; false means the event was already applied. */
public interface Inbox {

    Uni<Boolean> firstDelivery(UUID eventId);
}
