package network.omniphi.agent.infra;

import java.io.IOException;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import network.omniphi.agent.domain.AgentException;

/**
 * The agent's log: one line per record to {@code logs/agent.log} (rotated at 5 MB, five files kept:
 * agent.log, agent.log.1 ... agent.log.4) and to the console. Nothing secret is ever logged.
 */
public final class AgentLog {

    private static final int LIMIT_BYTES = 5 * 1024 * 1024;
    private static final int FILES = 5;

    private AgentLog() {
    }

    public static void toHome(AgentHome home) {
        Logger root = Logger.getLogger("network.omniphi.agent");
        root.setUseParentHandlers(false);
        root.setLevel(Level.INFO);
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        try {
            FileHandler file = new FileHandler(home.logDir().resolve("agent.log").toString().replace("%", "%%")
                    .replace("agent.log", "agent.log.%g"), LIMIT_BYTES, FILES, true);
            file.setFormatter(new Line());
            root.addHandler(file);
        } catch (IOException e) {
            throw new AgentException.HomeUnusable("cannot open the log in " + home.logDir() + ": " + e.getMessage(),
                    e);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new Line());
        root.addHandler(console);
    }

    /** {@code 2026-12-03T16:00:00.123Z INFO  message}. */
    static final class Line extends Formatter {
        @Override
        public String format(LogRecord r) {
            String thrown = r.getThrown() == null ? "" : " (" + r.getThrown() + ")";
            return Instant.ofEpochMilli(r.getMillis()) + " " + String.format("%-7s", r.getLevel().getName()) + " "
                    + formatMessage(r) + thrown + System.lineSeparator();
        }
    }
}
