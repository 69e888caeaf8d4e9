package network.omniphi.gateway.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict JSON: unknown fields refused, no silent coercion of numbers or booleans into strings, exact decimals (never
 * through double), trailing tokens refused, decimals written plain. Read limits well above anything the API takes and
 * far below what hurts: {@link JsonNumberFilter} refuses out-of-range numbers with the field's name first, these
 * constraints are the backstop for everything else the mapper reads (400 malformed-json).
 */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    /** Longest number literal (the filter already refuses more than 48 characters). */
    static final int MAX_NUMBER_CHARS = 100;
    /** Longest string value: the largest body (quarkus.http.limits.max-body-size) cannot hold more. */
    static final int MAX_STRING_CHARS = 128 * 1024;
    static final int MAX_NESTING_DEPTH = 32;
    /** Largest document read, request bodies and answers of internal services alike. */
    static final long MAX_DOCUMENT_BYTES = 4L * 1024 * 1024;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .build());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
