package network.omniphi.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.inbox.EventIntake;
import network.omniphi.gateway.domain.StatusEvent;
import network.omniphi.gateway.domain.StatusProjection;

/**
 * Consumes node, chain and heartbeat events and applies them to the status read model through
 * {@link EventIntake#consumeOnce}: once per event (inbox {@value #INBOX}) in one transaction; a failure to apply
 * (database down) is retried with back-off, so the offset only moves once the event is durably applied; a record that
 * can never apply (unparseable, no valid setup id) goes to {@code <topic>.dlq} instead of blocking its partition.
 */
@ApplicationScoped
public class StatusEventsConsumer {

    static final String CONSUMER = "api-gateway.status-events";
    /** The name the projection's inbox rows have always carried (the e2e fault audit reads them). */
    static final String INBOX = "gateway-status-projection";
    private static final Logger LOG = Logger.getLogger(StatusEventsConsumer.class);

    private final EventIntake intake;
    private final StatusProjection projection;

    public StatusEventsConsumer(StatusProjection projection, EventIntake intake) {
        this.projection = projection;
        this.intake = intake;
    }

    @Incoming("status-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return intake.consumeOnce(record, EventIntake.Once.of(CONSUMER, LOG,
                value -> StatusEventMapper.map(record.topic(), value), (StatusEvent e) -> e.eventId().toString(),
                projection::apply).inInbox(INBOX));
    }
}
