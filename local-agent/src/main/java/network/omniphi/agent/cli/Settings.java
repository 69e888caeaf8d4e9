package network.omniphi.agent.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import network.omniphi.agent.domain.AgentException;

/** Checks and parsing shared by the commands. */
final class Settings {

    private Settings() {
    }

    /** cosmos-sdk x/staking: a moniker is 1..70 bytes (types/staking.go MaxMonikerLength). */
    static void checkMoniker(String moniker) {
        int bytes = moniker.getBytes(StandardCharsets.UTF_8).length;
        if (moniker.isBlank() || bytes > 70 || moniker.chars().anyMatch(Character::isISOControl)) {
            throw new AgentException.BadInput("--moniker must be 1-70 bytes without control characters");
        }
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m} or ISO-8601 {@code PT10S}. */
    static Duration duration(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.startsWith("pt")) {
                d = Duration.parse(t);
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new AgentException.BadInput(option + " must be positive");
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new AgentException.BadInput(option + " must be a duration like 10s, 500ms, 2m or PT10S");
        }
    }
}
