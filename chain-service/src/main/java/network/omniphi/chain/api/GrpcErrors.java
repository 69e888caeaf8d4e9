package network.omniphi.chain.api;

import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import network.omniphi.chain.domain.ChainException;
import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.error.FieldError;

/**
 * Domain errors to gRPC statuses the gateway maps to problem+json: the description is {@code CODE: detail}; trailers
 * {@code omniphi-error-code} and (input errors) {@code omniphi-error-field} / {@code omniphi-error-fields}
 * ({@code field=message} joined by newlines).
 */
public final class GrpcErrors {

    public static final Metadata.Key<String> CODE = Metadata.Key.of("omniphi-error-code",
            Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> FIELD = Metadata.Key.of("omniphi-error-field",
            Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> FIELDS = Metadata.Key.of("omniphi-error-fields",
            Metadata.ASCII_STRING_MARSHALLER);

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    public static Throwable toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException) {
            return failure;
        }
        if (!(failure instanceof DomainException e)) {
            LOG.error("unexpected failure in chain-service gRPC call", failure);
            return trailers(Status.INTERNAL.withDescription("INTERNAL: unexpected error"), "INTERNAL", null);
        }
        Status status = switch (e.kind()) {
            case INVALID_INPUT, PAYLOAD_TOO_LARGE -> Status.INVALID_ARGUMENT;
            case RULE_VIOLATION -> Status.FAILED_PRECONDITION;
            case CONFLICT -> e instanceof ChainException c && c.error().duplicate()
                    ? Status.ALREADY_EXISTS
                    : Status.ABORTED;
            case NOT_FOUND -> Status.NOT_FOUND;
            case UNAVAILABLE, BAD_GATEWAY -> Status.UNAVAILABLE;
            case TIMEOUT -> Status.DEADLINE_EXCEEDED;
            case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
            case FORBIDDEN -> Status.PERMISSION_DENIED;
            case RATE_LIMITED -> Status.RESOURCE_EXHAUSTED;
        };
        return trailers(status.withDescription(e.code() + ": " + e.getMessage()), e.code(), e);
    }

    private static StatusRuntimeException trailers(Status status, String code, DomainException e) {
        Metadata md = new Metadata();
        md.put(CODE, code);
        if (e != null && !e.errors().isEmpty()) {
            md.put(FIELD, ascii(e.errors().get(0).field()));
            md.put(FIELDS, ascii(e.errors().stream().map(GrpcErrors::line).collect(Collectors.joining(";"))));
        }
        return status.asRuntimeException(md);
    }

    private static String line(FieldError f) {
        return f.field() + "=" + f.message();
    }

    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
