package network.omniphi.gateway.api.security;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.problem.Problem;

/** Writes a domain error as RFC 9457 problem+json at the Vert.x level (before JAX-RS), same shape as ProblemMapper. */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(RoutingContext rc, DomainException e) {
        String requestId = rc.request().getHeader("X-Request-Id");
        String traceId = requestId != null && requestId.matches("[A-Za-z0-9._-]{1,64}")
                ? requestId
                : UUID.randomUUID().toString();
        int status = e.kind().status();
        Problem problem = new Problem(Problem.TYPE_BASE + e.code(), e.title(), status, e.getMessage(),
                rc.request().path(), e.code(), traceId, e.errors().isEmpty() ? null : List.copyOf(e.errors()));
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            body = "{\"status\":" + status + "}";
        }
        var response = rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (e.retryAfterSeconds() != null) {
            response.putHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        if (status == 413) {
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
