package network.omniphi.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import network.omniphi.commons.error.FieldError;

/**
 * One page of a wallet's setups, newest first (keyset pagination on {@code (created_at, id)}, so pages stay stable
 * while new setups arrive). {@code nextCursor} is null on the last page.
 */
public record WalletPage(List<SetupView> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** The position after which a page starts: the last item of the previous page. */
    public record Cursor(Instant createdAt, UUID id) {

        /** Opaque to clients: base64url of {@code <epoch micros>:<uuid>}. */
        public String encode() {
            long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
                    createdAt.getNano() / 1_000L);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        /** Null for null; a value this API did not issue is a 400 naming {@code cursor}. */
        public static Cursor decode(String value) {
            if (value == null) {
                return null;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
                int colon = text.indexOf(':');
                long micros = Long.parseLong(text.substring(0, colon));
                UUID id = UUID.fromString(text.substring(colon + 1));
                if (!id.toString().equals(text.substring(colon + 1)) || value.length() > 128) {
                    throw new IllegalArgumentException("not canonical");
                }
                return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L), id);
            } catch (RuntimeException e) {
                throw new GatewayException.InvalidRequest(
                        List.of(new FieldError("cursor", "is not a cursor this API issued")));
            }
        }
    }

    /** The page size asked for: default {@value #DEFAULT_LIMIT}, 1..{@value #MAX_LIMIT}. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new GatewayException.InvalidRequest(
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return requested;
    }
}
