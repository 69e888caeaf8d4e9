package network.omniphi.commons.json;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import network.omniphi.commons.error.FieldError;

/**
 * Finds the JSON numbers of a request body that {@link JsonNumbers} refuses, with the path of the field that holds
 * each, before the body is bound to anything. It only tokenizes: no number is ever converted, so a number bomb costs
 * one pass over its characters. Bodies that are not well-formed JSON are left to the binder, which refuses them with
 * its own 400.
 */
public final class JsonNumberGuard {

    /** At most this many refused numbers are reported. */
    static final int MAX_ERRORS = 20;

    /**
     * Numbers of any length must tokenize here (their length is what is checked); the body size limit of the service
     * bounds them. Nesting stays bounded so that a deep body cannot exhaust the stack.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(64)
                    .build())
            .build();

    private JsonNumberGuard() {
    }

    /** The out-of-range numbers of {@code body}, each named by its JSON path ({@code body} for a bare number). */
    public static List<FieldError> check(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.length == 0) {
            return errors;
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken token;
            while ((token = p.nextToken()) != null && errors.size() < MAX_ERRORS) {
                if (token.isNumeric() && !withinBounds(p)) {
                    errors.add(new FieldError(path(p.getParsingContext()), JsonNumbers.MESSAGE));
                }
            }
        } catch (IOException malformed) {
            // not JSON (or too deep): the binder answers it; what was found so far still counts
        }
        return errors;
    }

    private static boolean withinBounds(JsonParser p) throws IOException {
        if (p.getTextLength() > JsonNumbers.MAX_TEXT_CHARS) {
            return false;
        }
        return JsonNumbers.withinBounds(p.getText());
    }

    /** {@code a.b[2].c} as the problem answers name nested fields; {@code body} at the root. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                parts.push(c.getCurrentName() == null ? "" : c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        if (parts.isEmpty()) {
            return "body";
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty() && !part.startsWith("[")) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }
}
