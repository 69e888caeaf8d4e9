package network.omniphi.agent.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.ConsensusKeyPair;

/**
 * Runs the node process and keeps it running: before each start it writes the node's key file (0600, in the 0700
 * {@code run/} folder), after each exit it deletes it; a node that exits on its own is restarted after a back-off
 * (1 s doubling to {@code maxBackoff}, back to 1 s once a run lasted {@link #STABLE_AFTER}). The node gets a minimal
 * environment (never the agent's passphrase variable). A node left running by an agent that was killed is found by
 * the pid file and stopped before a new one starts, so one home never has two nodes.
 */
public final class NodeSupervisor {

    static final Duration STABLE_AFTER = Duration.ofSeconds(60);
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final long NODE_LOG_LIMIT = 10L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(NodeSupervisor.class.getName());

    private final AgentHome home;
    private final NodeLaunch launch;
    private final ConsensusKeyPair key;
    private final String chainId;
    private final String moniker;
    private final Duration maxBackoff;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private volatile Process process;
    private volatile Instant startedAt;
    private volatile boolean stopping;
    private volatile int restarts;
    private Duration backoff = MIN_BACKOFF;

    public NodeSupervisor(AgentHome home, NodeLaunch launch, ConsensusKeyPair key, String chainId, String moniker,
            Duration maxBackoff, ScheduledExecutorService scheduler, Clock clock) {
        this.home = home;
        this.launch = launch;
        this.key = key;
        this.chainId = chainId;
        this.moniker = moniker;
        this.maxBackoff = maxBackoff;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Cleans what a killed agent may have left (orphan node, key file), then starts the node. */
    public void start() {
        stopOrphan();
        deleteKeyFile();
        launch();
    }

    public int restarts() {
        return restarts;
    }

    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Seconds the current node process has been running; empty while none runs. */
    public Optional<Long> uptimeSeconds() {
        Instant since = startedAt;
        return running() && since != null
                ? Optional.of(Math.max(0, Duration.between(since, clock.instant()).toSeconds()))
                : Optional.empty();
    }

    public Optional<Long> pid() {
        Process p = process;
        return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
    }

    /** Stops the node (SIGTERM, then SIGKILL after a grace) and removes its key file; no restart follows. */
    public void stop() {
        stopping = true;
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteKeyFile();
        deletePidFile();
    }

    private synchronized void launch() {
        if (stopping) {
            return;
        }
        try {
            writeKeyFile();
            rotateNodeLog();
            ProcessBuilder builder = new ProcessBuilder(launch.command(home.nodeHome(), home.nodeKeyFile(), chainId,
                    moniker));
            Map<String, String> env = builder.environment();
            Map<String, String> keep = new java.util.HashMap<>();
            for (String name : new String[]{"PATH", "HOME", "LANG", "TZ", "JAVA_HOME", "TMPDIR"}) {
                if (env.containsKey(name)) {
                    keep.put(name, env.get(name));
                }
            }
            env.clear();
            env.putAll(keep);
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(nodeLog().toFile()));
            builder.directory(home.nodeHome().toFile());
            Process p = builder.start();
            process = p;
            startedAt = clock.instant();
            Files.writeString(pidFile(), Long.toString(p.pid()));
            LOG.info(() -> "node started (pid " + p.pid() + ", rpc 127.0.0.1:" + launch.rpcPort() + ", p2p "
                    + launch.p2pPort() + ")");
            p.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            deleteKeyFile();
            if (restarts == 0 && process == null) {
                throw new AgentException.CannotStart("cannot start the node: " + e.getMessage(), e);
            }
            LOG.log(Level.WARNING, "cannot restart the node: " + e.getMessage());
            scheduleRestart();
        }
    }

    private void exited(Process p) {
        deleteKeyFile();
        if (stopping) {
            LOG.info(() -> "node stopped (exit " + p.exitValue() + ")");
            return;
        }
        Duration ran = Duration.between(startedAt, clock.instant());
        synchronized (this) {
            if (ran.compareTo(STABLE_AFTER) >= 0) {
                backoff = MIN_BACKOFF;
            }
        }
        LOG.warning(() -> "node exited unexpectedly (exit " + p.exitValue() + " after " + ran.toSeconds()
                + " s); restarting in " + backoff.toMillis() + " ms");
        scheduleRestart();
    }

    private synchronized void scheduleRestart() {
        if (stopping) {
            return;
        }
        Duration delay = backoff;
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        scheduler.schedule(() -> {
            restarts++;
            launch();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writeKeyFile() throws IOException {
        home.createDirectories();
        deleteKeyFile();
        Path file = home.nodeKeyFile();
        Files.createFile(file, PosixFilePermissions.asFileAttribute(AgentHome.FILE_MODE));
        Files.writeString(file, key.cometBftKeyFileJson(), StandardCharsets.UTF_8);
    }

    private void deleteKeyFile() {
        try {
            Files.deleteIfExists(home.nodeKeyFile());
        } catch (IOException e) {
            LOG.severe("cannot delete the node's key file " + home.nodeKeyFile() + ": " + e.getMessage());
        }
    }

    /** A node still running from an agent that was killed: same home on its command line → stop it. */
    private void stopOrphan() {
        if (!Files.exists(pidFile())) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(c -> c.contains(home.nodeHome().toString()))
                            .orElse(false));
            if (orphan.isPresent()) {
                LOG.warning("a node of this home is still running from an earlier agent (pid " + pid
                        + "); stopping it before starting a new one");
                orphan.get().destroy();
                if (!orphan.get().onExit().completeOnTimeout(null, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                        .thenApply(h -> h != null).join()) {
                    orphan.get().destroyForcibly();
                    orphan.get().onExit().completeOnTimeout(null, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                            .join();
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warning("ignoring an unreadable node pid file: " + e.getMessage());
        }
        deletePidFile();
    }

    private Path pidFile() {
        return home.runDir().resolve("node.pid");
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            LOG.warning("cannot delete " + pidFile() + ": " + e.getMessage());
        }
    }

    private Path nodeLog() {
        return home.logDir().resolve("node.log");
    }

    /** Keeps node.log under 10 MB: a bigger one becomes node.log.1 (older ones shift up to node.log.3). */
    private void rotateNodeLog() throws IOException {
        Path log = nodeLog();
        if (!Files.exists(log) || Files.size(log) < NODE_LOG_LIMIT) {
            return;
        }
        for (int i = 2; i >= 1; i--) {
            Path from = home.logDir().resolve("node.log." + i);
            if (Files.exists(from)) {
                Files.move(from, home.logDir().resolve("node.log." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(log, home.logDir().resolve("node.log.1"), StandardCopyOption.REPLACE_EXISTING);
    }
}
