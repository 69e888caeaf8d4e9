package network.omniphi.heartbeat.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import network.omniphi.codec.CanonicalBase64;
import network.omniphi.commons.error.FieldError;
import network.omniphi.commons.json.JsonNumberGuard;
import network.omniphi.heartbeat.domain.HeartbeatException;
import network.omniphi.heartbeat.domain.HeartbeatTimestamps;
import network.omniphi.heartbeat.domain.SignedHeartbeat;
import network.omniphi.heartbeat.domain.WalletAddresses;

/**
 * Reads a heartbeat body strictly: a JSON object with exactly the eight fields, numbers as JSON integers (no
 * fractions, exponents or quoted numbers), canonical base64, the pinned timestamp form, duplicate keys refused. Every
 * wrong field is named in the 400 answer. Numbers are bounded by their text before the body is parsed into a tree
 * ({@link JsonNumberGuard}), so {@code 1e999999999} or a 10,000-digit height costs one pass over its characters.
 */
@ApplicationScoped
public class HeartbeatRequestParser {

    static final Set<String> FIELDS = Set.of("walletAddress", "consensusPubkey", "blockHeight", "uptimeSeconds",
            "localRpcPort", "localP2pPort", "timestamp", "signature");

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).maxStringLength(16 * 1024)
                    .maxNestingDepth(16).build())
            .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public SignedHeartbeat parse(byte[] body) {
        List<FieldError> outOfRange = JsonNumberGuard.check(body);
        if (!outOfRange.isEmpty()) {
            throw new HeartbeatException.InvalidHeartbeat("One or more heartbeat fields are invalid.", outOfRange);
        }
        JsonNode root = readTree(body);
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        Fields f = new Fields(root, errors);
        String wallet = f.text("walletAddress", WalletAddresses::isValid, "must be a bech32 omni1... address");
        String pubkeyText = f.text("consensusPubkey", s -> decode(s, 32).isPresent(),
                "must be the standard base64 of a 32-byte ed25519 public key");
        long height = f.integer("blockHeight", 0, Long.MAX_VALUE);
        long uptime = f.integer("uptimeSeconds", 0, Long.MAX_VALUE);
        int rpcPort = (int) f.integer("localRpcPort", 1, 65535);
        int p2pPort = (int) f.integer("localP2pPort", 1, 65535);
        String ts = f.text("timestamp", s -> HeartbeatTimestamps.parse(s).isPresent(),
                "must be RFC 3339 UTC like 2026-11-25T18:00:00Z (optional .fraction of 1-9 digits)");
        String sig = f.text("signature", s -> decode(s, 64).isPresent(),
                "must be the standard base64 of a 64-byte ed25519 signature");
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new HeartbeatException.InvalidHeartbeat("One or more heartbeat fields are invalid.", errors);
        }
        Instant timestamp = HeartbeatTimestamps.parse(ts).orElseThrow();
        return new SignedHeartbeat(wallet, pubkeyText, decode(pubkeyText, 32).orElseThrow(), height, uptime,
                rpcPort, p2pPort, ts, timestamp, decode(sig, 64).orElseThrow());
    }

    private JsonNode readTree(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            throw new HeartbeatException.InvalidHeartbeat("The body is not valid JSON (or repeats a field).",
                    List.of(new FieldError("body", "must be one JSON object without repeated fields")));
        }
        if (root == null || !root.isObject()) {
            throw new HeartbeatException.InvalidHeartbeat("The body must be a JSON object.",
                    List.of(new FieldError("body", "must be a JSON object")));
        }
        return root;
    }

    /** Canonical (padded, standard alphabet, re-encodes to itself) base64 of exactly {@code size} bytes. */
    static Optional<byte[]> decode(String text, int size) {
        return CanonicalBase64.decode(text, size);
    }

    /** Field access that records what is wrong instead of throwing at the first problem. */
    private record Fields(JsonNode root, List<FieldError> errors) {

        String text(String name, java.util.function.Predicate<String> valid, String message) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                errors.add(new FieldError(name, "is required"));
                return null;
            }
            if (!node.isTextual() || !valid.test(node.textValue())) {
                errors.add(new FieldError(name, message));
                return null;
            }
            return node.textValue();
        }

        long integer(String name, long min, long max) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                errors.add(new FieldError(name, "is required"));
            } else if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min
                    || node.longValue() > max) {
                errors.add(new FieldError(name, "must be a JSON integer from " + min + " to " + max));
            } else {
                return node.longValue();
            }
            return 0;
        }
    }
}
