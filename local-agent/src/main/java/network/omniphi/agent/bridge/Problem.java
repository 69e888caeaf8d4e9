package network.omniphi.agent.bridge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document as the suite writes them (type URI per code, title, status, detail, errors[]). */
record Problem(int status, String code, String title, String detail, List<FieldError> errors) {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://omniphi.network/problems/";

    record FieldError(String field, String message) {
    }

    Problem {
        errors = List.copyOf(errors);
    }

    static Problem of(int status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, List.of());
    }

    Map<String, Object> toJson(String instance) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", TYPE_BASE + code);
        doc.put("title", title);
        doc.put("status", status);
        doc.put("detail", detail);
        doc.put("instance", instance);
        doc.put("code", code);
        doc.put("errors", errors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", e.field());
            m.put("message", e.message());
            return m;
        }).toList());
        return doc;
    }
}
