package network.omniphi.heartbeat.api;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.domain.HeartbeatIngestService;
import network.omniphi.heartbeat.domain.HeartbeatReceipt;

/**
 * {@code POST /api/v1/validators/heartbeat}: signed heartbeats of local validator nodes (the gateway forwards the
 * public path here verbatim). 202 once the heartbeat is durable; problem+json otherwise.
 */
@Path("/api/v1/validators/heartbeat")
public class HeartbeatResource {

    /** The 202 answer. {@code setupRequestId} is null while the key is bound to no setup. */
    public record Accepted(String status, String walletAddress, String consensusPubkey, String setupRequestId,
            boolean firstSeen, Instant receivedAt) {

        static Accepted of(HeartbeatReceipt r) {
            return new Accepted("accepted", r.walletAddress(), r.consensusPubkey(), r.setupRequestId(),
                    r.firstSeen(), r.receivedAt());
        }
    }

    private final HeartbeatRequestParser parser;
    private final HeartbeatIngestService ingest;
    private final HeartbeatMetrics metrics;

    public HeartbeatResource(HeartbeatRequestParser parser, HeartbeatIngestService ingest, HeartbeatMetrics metrics) {
        this.parser = parser;
        this.ingest = ingest;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> heartbeat(byte[] body) {
        Timer.Sample sample = metrics.start();
        return Uni.createFrom().item(() -> parser.parse(body))
                .flatMap(ingest::ingest)
                .map(receipt -> Response.accepted(Accepted.of(receipt)).build())
                .invoke(ok -> metrics.accepted(sample))
                .onFailure().invoke(e -> metrics.refused(sample, e));
    }
}
