package network.omniphi.gateway.infra;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.domain.GatewayException;

/** gRPC failures of the chain service → gateway domain errors (and so problem+json). */
final class ChainErrors {

    private static final Metadata.Key<String> CODE = Metadata.Key.of("omniphi-error-code",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> FIELD = Metadata.Key.of("omniphi-error-field",
            Metadata.ASCII_STRING_MARSHALLER);
    /** Chain-service field names → the gateway's JSON field names. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("max_rate", "maxRate"), Map.entry("max_change_rate", "maxChangeRate"),
            Map.entry("min_self_delegation", "minSelfDelegation"), Map.entry("self_delegation", "selfDelegation"),
            Map.entry("self_delegation.amount", "selfDelegation.amount"),
            Map.entry("self_delegation.denom", "selfDelegation.denom"), Map.entry("moniker", "validatorName"),
            Map.entry("details", "description"), Map.entry("website", "website"), Map.entry("identity", "identity"),
            Map.entry("security_contact", "securityContact"), Map.entry("commission_rate", "commissionRate"),
            Map.entry("tx_bytes", "txBytes"), Map.entry("sign_mode", "signMode"));

    private ChainErrors() {
    }

    static Throwable toGatewayException(Throwable t) {
        if (t instanceof GatewayException) {
            return t;
        }
        if (t instanceof io.smallrye.mutiny.TimeoutException) {
            return new GatewayException.DownstreamUnavailable("chain-service-timeout",
                    "The chain service did not answer in time.", true, t);
        }
        Status status = Status.fromThrowable(t);
        Metadata trailers = trailers(t);
        String code = trailers != null && trailers.get(CODE) != null
                ? trailers.get(CODE).toLowerCase(Locale.ROOT).replace('_', '-')
                : null;
        String detail = detail(status);
        return switch (status.getCode()) {
            case INVALID_ARGUMENT -> new GatewayException.InvalidRequest(List.of(new FieldError(field(trailers),
                    detail)));
            case FAILED_PRECONDITION, OUT_OF_RANGE -> new GatewayException.RuleViolation(
                    code != null ? code : "chain-rule-violation", detail, List.of());
            case ALREADY_EXISTS, ABORTED -> new GatewayException.SetupConflict(
                    code != null ? code : "chain-conflict", detail);
            case NOT_FOUND -> new GatewayException.RuleViolation(code != null ? code : "chain-not-found", detail,
                    List.of());
            case DEADLINE_EXCEEDED -> new GatewayException.DownstreamUnavailable("chain-service-timeout",
                    "The chain service did not answer in time.", true, t);
            default -> new GatewayException.DownstreamUnavailable("chain-service-unavailable",
                    "The chain service or the chain is unavailable; try again shortly.", false, t);
        };
    }

    private static String field(Metadata trailers) {
        String f = trailers == null ? null : trailers.get(FIELD);
        return f == null ? "body" : FIELDS.getOrDefault(f, f);
    }

    private static String detail(Status status) {
        String d = status.getDescription();
        if (d == null || d.isBlank()) {
            return "The chain service refused the request.";
        }
        int colon = d.indexOf(": ");
        return colon > 0 && d.substring(0, colon).matches("[A-Z0-9_]+") ? d.substring(colon + 2) : d;
    }

    private static Metadata trailers(Throwable t) {
        if (t instanceof StatusRuntimeException sre) {
            return sre.getTrailers();
        }
        if (t instanceof StatusException se) {
            return se.getTrailers();
        }
        return Status.trailersFromThrowable(t);
    }
}
