package network.omniphi.gateway.api;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;

import network.omniphi.gateway.api.dto.SetupWithNode;
import network.omniphi.gateway.config.EventStreamConfig;
import network.omniphi.gateway.domain.SetupRequestService;
import network.omniphi.gateway.domain.SetupView;

/**
 * {@code GET /api/v1/validators/setup-requests/{id}/events}: the setup's {@code {setupRequest, node}} as server-sent
 * events, one {@code setup} event at once and one more whenever it changes; the stream ends after a terminal status
 * ({@code stopped}, {@code failed}) or after {@code omniphi.gateway.events.max-duration}.
 *
 * <p>
 * Auth is the same bearer token as every other owner route (the {@link network.omniphi.gateway.api.security.AccessFilter
 * AccessFilter} checks token and owner before the stream opens). A browser's {@code EventSource} cannot send an
 * Authorization header, so the portal reads the stream with {@code fetch} and a stream reader instead, and no token ever
 * travels in a URL (where it would land in logs and history). Changes are detected by reading the setup's one-row view
 * every {@code poll-interval} on the instance that holds the stream, so any gateway replica serves any stream whatever
 * replica consumed the Kafka event.
 */
@Path("/api/v1/validators")
@Tag(name = "validators")
public class SetupEventsResource {

    static final String EVENT = "setup";

    private final SetupRequestService service;
    private final ObjectMapper json;
    private final EventStreamConfig config;

    public SetupEventsResource(SetupRequestService service, ObjectMapper json, EventStreamConfig config) {
        this.service = service;
        this.json = json;
        this.config = config;
    }

    @GET
    @Path("/setup-requests/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamSetupEvents", summary = "Follow a setup's status as server-sent events (owner only)", description = "Each `setup` event carries `{setupRequest, node}` as JSON, like GET setup-requests/{id}. Send"
            + " the bearer token in the Authorization header (read the stream with fetch; EventSource cannot"
            + " send headers). The stream ends after stopped/failed or after a few minutes; reconnect then.")
    @APIResponse(responseCode = "200", description = "An event stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class), examples = @ExampleObject(name = "setup", value = "event: setup\nid: 1764770000123\ndata: {\"setupRequest\":"
            + "{\"id\":\"3f1c9a52-8d0e-4b7a-9a43-5a8f0f1e2b6c\",\"status\":\"provisioning\"},\"node\":null}\n\n")))
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @Context Sse sse) {
        UUID setupId = SetupRequestResource.uuid("id", id);
        long pollMillis = Math.max(100, config.pollInterval().toMillis());
        long keepAliveTicks = Math.max(1, config.keepAlive().toMillis() / pollMillis);
        long maxTicks = Math.max(1, config.maxDuration().toMillis() / pollMillis);
        AtomicReference<String> last = new AtomicReference<>();
        AtomicLong quiet = new AtomicLong();
        AtomicBoolean finished = new AtomicBoolean();
        return Multi.createFrom().ticks().startingAfter(java.time.Duration.ofMillis(1)).every(config.pollInterval())
                .select().first(maxTicks)
                .select().first(tick -> !finished.get())
                .onItem().transformToUniAndConcatenate(tick -> service.get(setupId)
                        .map(view -> next(sse, view, last, quiet, keepAliveTicks, finished))
                        // a failed read (database briefly away, setup gone) sends nothing; the next tick tries again
                        .onFailure().recoverWithItem(() -> null))
                .select().where(e -> e != null);
    }

    private OutboundSseEvent next(Sse sse, SetupView view, AtomicReference<String> last, AtomicLong quiet,
            long keepAliveTicks, AtomicBoolean finished) {
        String data = write(new SetupWithNode(SetupJsonMapper.toJson(view.setupRequest()),
                SetupJsonMapper.toJson(view.node())));
        if (view.setupRequest().status().isTerminal()) {
            finished.set(true);
        }
        if (!data.equals(last.getAndSet(data))) {
            quiet.set(0);
            return sse.newEventBuilder().name(EVENT)
                    .id(Long.toString(view.setupRequest().updatedAt().toEpochMilli()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build();
        }
        if (quiet.incrementAndGet() >= keepAliveTicks) {
            quiet.set(0);
            return sse.newEventBuilder().comment("keep-alive").build();
        }
        return null;
    }

    private String write(SetupWithNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a setup view could not be written as JSON", e);
        }
    }
}
