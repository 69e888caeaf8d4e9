package network.omniphi.devnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * A node's home folder in CometBFT layout: {@code config/} (keys, config.toml, genesis.json) and {@code data/}. The
 * consensus key is created exactly once: an existing key file is never touched, and concurrent inits cannot both
 * write one (the file appears atomically through a hard link that fails if the name exists).
 */
public final class NodeHome {

    public static final String DEFAULT_CHAIN_ID = "omniphi-devnet-1";
    /** How many recent blocks a restarted signer checks for its own signatures before it signs. */
    public static final int DOUBLE_SIGN_CHECK_HEIGHT = 10;
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private final Path externalValidatorKey;

    public NodeHome(Path root) {
        this(root, null);
    }

    /**
     * A home whose consensus key lives outside it, as CometBFT's {@code priv_validator_key_file} setting allows: the
     * file is supplied by whoever starts the node (the local agent decrypts it there only while the node runs), and
     * this home never creates a consensus key of its own. {@code null} means the key file inside the home.
     */
    public NodeHome(Path root, Path externalValidatorKey) {
        this.root = root.toAbsolutePath().normalize();
        this.externalValidatorKey = externalValidatorKey == null
                ? null
                : externalValidatorKey.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path validatorKeyFile() {
        return externalValidatorKey != null
                ? externalValidatorKey
                : root.resolve("config").resolve("priv_validator_key.json");
    }

    /** True when the consensus key is supplied from outside the home (see {@link #NodeHome(Path, Path)}). */
    public boolean externalKey() {
        return externalValidatorKey != null;
    }

    public Path nodeKeyFile() {
        return root.resolve("config").resolve("node_key.json");
    }

    public Path configFile() {
        return root.resolve("config").resolve("config.toml");
    }

    public Path genesisFile() {
        return root.resolve("config").resolve("genesis.json");
    }

    public Path stateFile() {
        return root.resolve("data").resolve("priv_validator_state.json");
    }

    public boolean initialized() {
        return Files.exists(externalKey() ? nodeKeyFile() : validatorKeyFile());
    }

    /**
     * Creates whatever is missing; returns true when this call created the consensus key. With an external key file
     * no consensus key is ever created: the file must exist, or this fails.
     */
    public boolean init(String moniker, String chainId) {
        try {
            if (externalKey() && !Files.isRegularFile(validatorKeyFile())) {
                throw new IllegalArgumentException("no validator key file at " + validatorKeyFile());
            }
            directory(root);
            directory(root.resolve("config"));
            directory(root.resolve("data"));
            boolean created = !externalKey() && createKeyIfAbsent(validatorKeyFile(), true);
            createKeyIfAbsent(nodeKeyFile(), false);
            writeIfAbsent(configFile(), configToml(moniker));
            writeIfAbsent(genesisFile(), Json.write(Map.of("chain_id", chainId)));
            writeIfAbsent(stateFile(), "{\"height\":\"0\",\"round\":0,\"step\":0}");
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialise node home " + root, e);
        }
    }

    /** The validator key file's content, for signing a vote; callers never keep or log it. */
    String validatorKeyJson() {
        return read(validatorKeyFile());
    }

    /** The public half of the consensus key, read from the key file. */
    public ConsensusKey consensusKey() {
        return ConsensusKey.publicPartOf(read(validatorKeyFile()));
    }

    /** The public half of the node (p2p) key; its id is what peers know the node by. */
    public ConsensusKey nodeKey() {
        return ConsensusKey.publicPartOfNodeKey(read(nodeKeyFile()));
    }

    public String chainId() {
        String id = Json.string(Json.parse(read(genesisFile())), "chain_id");
        return id == null ? DEFAULT_CHAIN_ID : id;
    }

    public String moniker() {
        for (String line : read(configFile()).split("\n")) {
            if (line.startsWith("moniker = ")) {
                return line.substring("moniker = ".length()).replace("\"", "");
            }
        }
        return "node";
    }

    /**
     * A string value of a TOML file in {@code config/}: {@code key = "value"} in {@code [section]}; the fallback
     * when the file, section or key is missing.
     */
    public String setting(String file, String section, String key, String fallback) {
        Path path = root.resolve("config").resolve(file);
        if (!Files.exists(path)) {
            return fallback;
        }
        String current = "";
        for (String raw : read(path).split("\n")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                current = line.replaceAll("^\\[+\\s*|\\s*\\]+.*$", "");
            } else if (current.equals(section) && line.matches(java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                return line.substring(line.indexOf('=') + 1).strip().replaceAll("^\"|\"$", "");
            }
        }
        return fallback;
    }

    private boolean createKeyIfAbsent(Path file, boolean validatorKey) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        ConsensusKey key = ConsensusKey.generate();
        try {
            return writeOnce(file, validatorKey ? key.toFileJson() : key.toNodeKeyJson());
        } finally {
            key.forgetPrivatePart();
        }
    }

    private boolean writeIfAbsent(Path file, String content) throws IOException {
        return !Files.exists(file) && writeOnce(file, content);
    }

    /** Writes a 0600 temp file, then links it to the final name; the link fails if another writer won. */
    private static boolean writeOnce(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".json",
                PosixFilePermissions.asFileAttribute(FILE_MODE));
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        Files.setPosixFilePermissions(dir, DIR_MODE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String configToml(String moniker) {
        String safe = moniker.replace("\"", "").replace("\\", "").replace("\n", " ");
        return String.join("\n",
                "# CometBFT-like settings of an Omniphi devnet validator node",
                "moniker = \"" + safe + "\"",
                "",
                "[rpc]",
                "laddr = \"tcp://127.0.0.1:26657\"",
                "",
                "[p2p]",
                "laddr = \"tcp://0.0.0.0:26656\"",
                "",
                "[consensus]",
                "# a restarted signer first checks this many recent blocks for its own signatures",
                "double_sign_check_height = " + DOUBLE_SIGN_CHECK_HEIGHT,
                "");
    }
}
