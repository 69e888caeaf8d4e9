package network.omniphi.gateway.infra;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.inbox.InboxRepository;
import network.omniphi.gateway.domain.Inbox;

@ApplicationScoped
public class PanacheInbox implements Inbox {

    static final String CONSUMER = "gateway-status-projection";

    private final InboxRepository inbox;

    public PanacheInbox(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @Override
    public Uni<Boolean> firstDelivery(UUID eventId) {
        return inbox.firstDelivery(eventId, CONSUMER);
    }
}
