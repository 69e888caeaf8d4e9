package network.omniphi.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.HealthProbes;

/** {@code GET /health} and {@code GET /api/v1/health}: UP only when the database and Kafka both answer. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public class HealthResource {

    private final HealthProbes probes;

    public HealthResource(HealthProbes probes) {
        this.probes = probes;
    }

    @GET
    @Path("health")
    @Operation(operationId = "getHealth", summary = "Suite health (database, kafka)")
    public Uni<Response> health() {
        return Uni.combine().all().unis(probes.database(), probes.kafka()).asTuple().map(t -> {
            Map<String, String> checks = new LinkedHashMap<>();
            checks.put("database", t.getItem1() ? "UP" : "DOWN");
            checks.put("kafka", t.getItem2() ? "UP" : "DOWN");
            boolean up = t.getItem1() && t.getItem2();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("checks", checks);
            return Response.status(up ? 200 : 503).entity(body).build();
        });
    }

    @GET
    @Path("api/v1/health")
    @Operation(operationId = "getApiHealth", summary = "Suite health (database, kafka)")
    public Uni<Response> apiHealth() {
        return health();
    }
}
