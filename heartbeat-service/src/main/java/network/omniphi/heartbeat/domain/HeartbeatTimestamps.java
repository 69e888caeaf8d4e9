package network.omniphi.heartbeat.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The pinned heartbeat timestamp form: RFC 3339 in UTC with a literal {@code Z}, optional 1-9 fraction digits. */
public final class HeartbeatTimestamps {

    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:[0-5]\\d(\\.\\d{1,9})?Z");

    private HeartbeatTimestamps() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
