package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.omniphi.provisioning.infra.kubernetes.builders.NodeConfigMapBuilder;

/**
 * Runs the configure init container's script, as shipped in the node ConfigMap, with {@code /bin/sh} against a node
 * home laid out as {@code <binary> init} leaves it (config.toml and app.toml excerpts in the layout of CometBFT v0.38
 * {@code config/toml.go} and Cosmos SDK v0.50 {@code server/config/toml.go}).
 */
class ConfigureScriptTest {

    static final String CONFIG_TOML = """
            # This is a TOML config file.
            proxy_app = "tcp://127.0.0.1:26658"
            moniker = "init-moniker"

            [rpc]
            laddr = "tcp://127.0.0.1:26657"
            cors_allowed_origins = []

            [p2p]
            laddr = "tcp://0.0.0.0:26656"
            external_address = ""
            seeds = ""
            persistent_peers = ""

            [statesync]
            enable = false
            rpc_servers = ""
            trust_height = 0
            trust_hash = ""
            trust_period = "168h0m0s"

            [consensus]
            wal_file = "data/cs.wal/wal"
            double_sign_check_height = 0
            """;
    static final String APP_TOML = """
            minimum-gas-prices = "0stake"
            pruning = "default"

            [grpc]
            enable = true
            address = "localhost:9090"
            """;

    @TempDir
    Path home;

    @Test
    void writesEverySettingIntoTheFilesTheBinaryReadsAndInstallsAGenesisWithTheRightChecksum() throws Exception {
        layOutHome();
        byte[] genesis = "{\"chain_id\":\"cosmoshub-4\"}".getBytes(StandardCharsets.UTF_8);
        Path source = home.resolveSibling(home.getFileName() + "-genesis.json");
        Files.write(source, genesis);
        Map<String, String> env = env();
        env.put("GENESIS_URL", source.toUri().toString());
        env.put("GENESIS_SHA256", sha256(genesis));
        env.put("P2P_SEEDS", "ade4d8bc8cbe014af6ebdf3cb7b1e9ad36f412c0@seeds.polkachu.com:14956");
        env.put("P2P_PERSISTENT_PEERS", "1e7ae3c4e3e1b3ba2f3b81e3d4c8e1b1a2f3c4d5@10.0.0.7:26656");
        env.put("MINIMUM_GAS_PRICES", "0.005uatom");
        env.put("STATE_SYNC_ENABLE", "true");
        env.put("STATE_SYNC_RPC_SERVERS", "https://rpc.example:443");
        env.put("STATE_SYNC_TRUST_HEIGHT", "1200");
        env.put("STATE_SYNC_TRUST_HASH", "AB".repeat(32));

        Result run = run(env);

        assertThat(run.exit()).as(run.output()).isZero();
        String config = Files.readString(home.resolve("config/config.toml"));
        assertThat(section(config, "")).contains("moniker = \"alice\"", "proxy_app = \"tcp://127.0.0.1:26658\"");
        assertThat(section(config, "rpc")).contains("laddr = \"tcp://0.0.0.0:26657\"", "cors_allowed_origins = []");
        assertThat(section(config, "p2p")).contains(
                "seeds = \"ade4d8bc8cbe014af6ebdf3cb7b1e9ad36f412c0@seeds.polkachu.com:14956\"",
                "persistent_peers = \"1e7ae3c4e3e1b3ba2f3b81e3d4c8e1b1a2f3c4d5@10.0.0.7:26656\"",
                "external_address = \"\"");
        assertThat(section(config, "statesync")).contains("enable = true",
                "rpc_servers = \"https://rpc.example:443,https://rpc.example:443\"", "trust_height = 1200",
                "trust_hash = \"" + "AB".repeat(32) + "\"", "trust_period = \"168h0m0s\"");
        assertThat(section(config, "consensus")).contains("double_sign_check_height = 20",
                "wal_file = \"data/cs.wal/wal\"");
        assertThat(config.split("double_sign_check_height", -1)).as("one line per key").hasSize(2);
        String app = Files.readString(home.resolve("config/app.toml"));
        assertThat(section(app, "")).contains("minimum-gas-prices = \"0.005uatom\"", "pruning = \"default\"");
        assertThat(section(app, "grpc")).contains("address = \"0.0.0.0:9090\"", "enable = true");
        assertThat(Files.readAllBytes(home.resolve("config/genesis.json"))).isEqualTo(genesis);
        assertThat(Files.readString(home.resolve("config/priv_validator_key.json"))).isEqualTo("KEY");
        assertThat(run.output()).doesNotContain("KEY");

        Files.delete(source);
        Result again = run(env);
        assertThat(again.exit()).as("a restart keeps the checked genesis without downloading again: %s",
                again.output()).isZero();
        assertThat(Files.readString(home.resolve("config/config.toml"))).isEqualTo(config);
    }

    @Test
    void aGenesisWithAnotherChecksumStopsThePodBeforeTheNodeStarts() throws Exception {
        layOutHome();
        Path source = home.resolveSibling(home.getFileName() + "-bad-genesis.json");
        Files.writeString(source, "{\"chain_id\":\"evil-1\"}");
        Map<String, String> env = env();
        env.put("GENESIS_URL", source.toUri().toString());
        env.put("GENESIS_SHA256", "0".repeat(64));

        Result run = run(env);

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("genesis checksum mismatch");
        assertThat(home.resolve("config/genesis.json")).doesNotExist();
        assertThat(home.resolve(".genesis.download")).doesNotExist();
    }

    @Test
    void addsMissingSectionsAndFilesForABinaryWhoseInitWroteLess() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/config.toml"), "moniker = \"x\"\n");

        Result run = run(env());

        assertThat(run.exit()).as(run.output()).isZero();
        String config = Files.readString(home.resolve("config/config.toml"));
        assertThat(section(config, "consensus")).contains("double_sign_check_height = 20");
        assertThat(section(config, "p2p")).contains("laddr = \"tcp://0.0.0.0:26656\"");
        assertThat(section(Files.readString(home.resolve("config/app.toml")), "grpc"))
                .contains("address = \"0.0.0.0:9090\"");
    }

    private void layOutHome() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/config.toml"), CONFIG_TOML);
        Files.writeString(home.resolve("config/app.toml"), APP_TOML);
        Files.writeString(home.resolve("config/priv_validator_key.json"), "KEY");
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NODE_HOME", home.toString());
        env.put("NODE_MONIKER", "alice");
        env.put("RPC_LADDR", "tcp://0.0.0.0:26657");
        env.put("P2P_LADDR", "tcp://0.0.0.0:26656");
        env.put("GRPC_ADDRESS", "0.0.0.0:9090");
        env.put("DOUBLE_SIGN_CHECK_HEIGHT", "20");
        return env;
    }

    /** The lines of one TOML section ("" = before the first header). */
    static String section(String toml, String name) {
        StringBuilder out = new StringBuilder();
        String current = "";
        for (String line : toml.split("\n")) {
            if (line.startsWith("[")) {
                current = line.replaceAll("[\\[\\]]", "").strip();
                continue;
            }
            if (current.equals(name)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private record Result(int exit, String output) {
    }

    private Result run(Map<String, String> env) throws Exception {
        Path script = home.resolveSibling(home.getFileName() + "-configure.sh");
        Files.writeString(script, NodeConfigMapBuilder.script());
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
