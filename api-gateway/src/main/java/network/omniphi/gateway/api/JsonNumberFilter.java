package network.omniphi.gateway.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import network.omniphi.commons.error.FieldError;
import network.omniphi.commons.json.JsonNumberGuard;
import network.omniphi.gateway.domain.GatewayException;

/**
 * Refuses number bombs ({@code 1e999999999}, {@code 1e-999999999}, 100,000-digit literals) in any JSON body with 400
 * problem+json naming the field, after the body is read (its size is capped by quarkus.http.limits.max-body-size) and
 * before Jackson binds it, so no number is ever converted or rendered. Runs for every route, so every numeric field of
 * every endpoint gets the same bounds ({@link network.omniphi.commons.json.JsonNumbers}).
 */
public class JsonNumberFilter {

    /** Methods whose resources here never bind a body: the framework does not read one, so neither does this. */
    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

    @ServerRequestFilter(readBody = true)
    public void refuseNumberBombs(ContainerRequestContext ctx) {
        // a GET carrying "Content-Type: application/json" (curl scripts, some HTTP clients) has no body read ahead:
        // reading its stream here would block the event loop and answer 500
        if (BODILESS.contains(ctx.getMethod()) || !ctx.hasEntity() || !isJson(ctx.getMediaType())) {
            return;
        }
        byte[] body = readAll(ctx.getEntityStream());
        ctx.setEntityStream(new ByteArrayInputStream(body));
        List<FieldError> errors = JsonNumberGuard.check(body);
        if (!errors.isEmpty()) {
            throw new GatewayException.InvalidRequest(errors);
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
