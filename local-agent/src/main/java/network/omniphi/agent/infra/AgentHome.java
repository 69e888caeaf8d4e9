package network.omniphi.agent.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import network.omniphi.agent.domain.AgentException;

/**
 * The agent's home folder, mode 0700:
 *
 * <pre>
 *   consensus-key.enc.json   the consensus key, encrypted (EncryptedKeyFile), created once, never overwritten
 *   agent.json               public settings and state (AgentState): chain, moniker, wallet, sent heartbeats
 *   agent.lock               held by the running agent, so two agents never run one home
 *   node/                    the node's own home (CometBFT layout; holds no consensus key)
 *   run/                     the node's key file, only while the node runs (0600; removed on exit and at start)
 *   logs/                    agent.log (rotated) and node.log
 * </pre>
 */
public final class AgentHome {

    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    public AgentHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path keyFile() {
        return root.resolve("consensus-key.enc.json");
    }

    public Path stateFile() {
        return root.resolve("agent.json");
    }

    public Path lockFile() {
        return root.resolve("agent.lock");
    }

    public Path nodeHome() {
        return root.resolve("node");
    }

    public Path runDir() {
        return root.resolve("run");
    }

    /** Where the node reads its consensus key while it runs (CometBFT {@code priv_validator_key_file}). */
    public Path nodeKeyFile() {
        return runDir().resolve("priv_validator_key.json");
    }

    public Path logDir() {
        return root.resolve("logs");
    }

    public boolean hasKey() {
        return Files.exists(keyFile());
    }

    /** The key file's text; a home without one is refused with a hint. */
    public String readKeyFile() {
        if (!hasKey()) {
            throw new AgentException.HomeUnusable("no consensus key in " + root + " (run: omniphi-agent init --home "
                    + root + ", or restore a backup)");
        }
        return read(keyFile());
    }

    /**
     * Refuses a home that already holds a key (init, restore): a key is never overwritten. {@code advice} ends the
     * message, e.g. "restore into an empty home".
     */
    public void requireNoKey(String advice) {
        if (hasKey()) {
            throw keyExists(advice);
        }
    }

    private AgentException.KeyExists keyExists(String advice) {
        return new AgentException.KeyExists("a consensus key already exists in " + root + " (public key "
                + EncryptedKeyFile.publicKeyOf(read(keyFile())) + "); " + advice);
    }

    /** Creates the folders (0700) that are missing. */
    public void createDirectories() {
        for (Path dir : new Path[]{root, nodeHome(), runDir(), logDir()}) {
            try {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir);
                }
                Files.setPosixFilePermissions(dir, DIR_MODE);
            } catch (IOException e) {
                throw new AgentException.HomeUnusable("cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** Writes the key file once: a hard link from a 0600 temp file fails if a key file already exists. */
    public void createKeyFile(String sealed) {
        try {
            writeOnce(keyFile(), sealed);
        } catch (FileAlreadyExistsException e) {
            throw keyExists("it is never overwritten");
        } catch (IOException e) {
            throw new AgentException.HomeUnusable("cannot write " + keyFile() + ": " + e.getMessage(), e);
        }
    }

    /** Holds {@code agent.lock} for as long as the returned lock is open; refuses if another agent holds it. */
    public FileLock lock() {
        try {
            FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new AgentException.HomeLocked("another omniphi-agent is running with the home " + root);
            }
            return lock;
        } catch (IOException e) {
            throw new AgentException.HomeUnusable("cannot lock " + lockFile() + ": " + e.getMessage(), e);
        }
    }

    /** True when an agent process holds this home's lock right now. */
    public boolean running() {
        if (!Files.exists(lockFile())) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes a whole file atomically (temp file 0600 in the same folder, then rename). */
    static void writeAtomically(Path file, String content) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".json",
                    PosixFilePermissions.asFileAttribute(FILE_MODE));
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Creates {@code file} with {@code content} (0600) unless it exists. */
    static void writeOnce(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".json",
                PosixFilePermissions.asFileAttribute(FILE_MODE));
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.createLink(file, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AgentException.HomeUnusable("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
