package network.omniphi.commons.problem;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.error.FieldError;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json} answers. No stack trace and no
 * exception message of an unexpected error ever reaches the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder builder = Response.status(e.kind().status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem(e.code(), e.title(), e.kind().status(), e.getMessage(), uri, headers, e.errors()));
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", e.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return respond(400, "invalid-request", "Invalid request", "One or more fields are invalid.", uri, headers,
                errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri, HttpHeaders headers) {
        String field = jsonPath(e);
        return respond(400, "unknown-field", "Unknown field",
                "The request has a field this endpoint does not accept.", uri, headers,
                List.of(new FieldError(field, "unknown field")));
    }

    /** Registered for the exact type so that it wins over the framework's built-in mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return jsonMapping(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri, HttpHeaders headers) {
        return jsonMapping(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        String field = jsonPath(e);
        List<FieldError> errors = field.isEmpty()
                ? List.of()
                : List.of(new FieldError(field, "has the wrong type or format"));
        return respond(400, "malformed-json", "Malformed request body",
                "The request body does not have the expected JSON shape.", uri, headers, errors);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(400, "malformed-json", "Malformed request body", "The request body is not valid JSON.", uri,
                headers, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return respond(404, "not-found", "Not found", "No resource at this path.", uri, headers, List.of());
        }
        if (e instanceof NotAllowedException) {
            return respond(405, "method-not-allowed", "Method not allowed",
                    "This path does not support the request method.", uri, headers, List.of());
        }
        if (e instanceof NotSupportedException) {
            return respond(415, "unsupported-media-type", "Unsupported media type",
                    "Send the request body as application/json.", uri, headers, List.of());
        }
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return jsonProcessing(jpe, uri, headers);
        }
        String code = status == 400 ? "bad-request" : "http-" + status;
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error";
        return respond(status, code, title, title + ".", uri, headers, List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (isDependencyOutage(e)) {
            // the database is restarting or unreachable: nothing was changed, and the client may simply try again
            LOG.warnf("answering 503, a dependency is unavailable: %s", rootMessage(e));
            return Response.status(503).header("Retry-After", 2).type(Problem.MEDIA_TYPE)
                    .entity(problem("service-unavailable", "Service unavailable", 503,
                            "A service this request needs is briefly unavailable; nothing was changed. Try again.",
                            uri, headers, List.of()))
                    .build();
        }
        String traceId = traceId(headers);
        LOG.errorf(e, "unexpected error, traceId=%s", traceId);
        Problem body = new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "The request could not be completed; quote the traceId when reporting it.", path(uri), "internal-error",
                traceId, null);
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static Response respond(int status, String code, String title, String detail, UriInfo uri,
            HttpHeaders headers, List<FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem(code, title, status, detail, uri, headers, errors)).build();
    }

    private static Problem problem(String code, String title, int status, String detail, UriInfo uri,
            HttpHeaders headers, List<FieldError> errors) {
        return new Problem(Problem.TYPE_BASE + code, title, status, detail, path(uri), code, traceId(headers),
                errors == null || errors.isEmpty() ? null : errors);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String traceId(HttpHeaders headers) {
        String requestId = headers == null ? null : headers.getHeaderString("X-Request-Id");
        if (requestId != null && requestId.matches("[A-Za-z0-9._-]{1,64}")) {
            return requestId;
        }
        return UUID.randomUUID().toString();
    }

    /**
     * True when the failure is a lost or refused database connection, or PostgreSQL saying it is shutting down or
     * starting up (SQLSTATE class 08 connection exception, 57P operator intervention): an outage, not a defect.
     */
    static boolean isDependencyOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The JSON field name of a violation: the last node of the property path, skipping method and argument. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                default -> {
                    if (node.getName() != null) {
                        names.add(node.getName());
                    }
                }
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
