package network.omniphi.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The CosmJS-written vectors of testdata/cosmjs (tools/cosmjs/vectors.mjs, @cosmjs/* 0.39.0). */
final class CosmJsVectors {

    private CosmJsVectors() {
    }

    static JsonNode createValidator() {
        try {
            return new ObjectMapper().readTree(Path.of("..", "testdata", "cosmjs", "create-validator-vectors.json")
                    .toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
