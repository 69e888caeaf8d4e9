package network.omniphi.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import network.omniphi.commons.tracing.SetupTelemetry;

/**
 * Captures the log lines written during a test (root logger, every thread) with the {@code setupRequestId} MDC value
 * each carried when written. Register with {@code @RegisterExtension}.
 */
public final class SetupLogLines implements BeforeEachCallback, AfterEachCallback {

    /** A log line as formatted, and its MDC {@code setupRequestId} (null when it had none). */
    public record Line(String message, String setupRequestId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                lines.add(new Line(String.valueOf(ext.getFormattedMessage()), ext.getMdc(SetupTelemetry.MDC_KEY)));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        Logger.getLogger("").addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger.getLogger("").removeHandler(handler);
    }

    /** Waits for the first line whose message matches. */
    public Line await(Predicate<String> message, Duration patience) {
        return Awaitility.await().atMost(patience).until(
                () -> lines.stream().filter(l -> message.test(l.message())).findFirst(), Optional::isPresent).get();
    }
}
