package network.omniphi.commons.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import network.omniphi.commons.error.FieldError;

/** RFC 9457 problem details with the suite's extensions {@code code}, {@code traceId} and {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        String traceId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://omniphi.network/problems/";
}
