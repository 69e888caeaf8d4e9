package network.omniphi.devnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Runs the real node process against a fake chain /status and checks what it serves and prints. */
class NodeProcessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private HttpServer chain;
    private final AtomicLong chainHeight = new AtomicLong(500);
    private Process process;

    @BeforeEach
    void fakeChain() throws IOException {
        chain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        chain.createContext("/status", ex -> {
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":{\"sync_info\":{\"latest_block_height\":\""
                    + chainHeight.get() + "\",\"latest_block_time\":\"2026-11-25T10:00:00Z\",\"catching_up\":false}}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        chain.start();
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        chain.stop(0);
    }

    @Test
    void servesStatusWithTheKeyFilePubkeyCatchesUpAndKeepsTheKeyAcrossRestarts() throws Exception {
        Path home = dir.resolve("home");
        int rpc = freePort();
        int p2p = freePort();
        process = start(home, rpc, p2p, "first");

        Object status = awaitCaughtUp(rpc, 500);
        String pubkey = Json.string(status, "result", "validator_info", "pub_key", "value");
        Object keyFile = Json.parse(Files.readString(home.resolve("config/priv_validator_key.json")));
        assertThat(pubkey).isEqualTo(Json.string(keyFile, "pub_key", "value"));
        assertThat(Json.string(status, "result", "validator_info", "address"))
                .isEqualTo(Json.string(keyFile, "address"));
        assertThat(Json.string(status, "result", "validator_info", "pub_key", "type"))
                .isEqualTo("tendermint/PubKeyEd25519");
        assertThat(Json.string(status, "result", "validator_info", "voting_power")).isEqualTo("0");
        assertThat(Json.string(status, "result", "node_info", "listen_addr")).isEqualTo("tcp://127.0.0.1:" + p2p);
        assertThat(Json.string(status, "result", "node_info", "network")).isEqualTo("omniphi-devnet-1");
        assertThat(Json.string(status, "result", "node_info", "moniker")).isEqualTo("alice");
        assertThat(Json.string(status, "result", "node_info", "id")).matches("[0-9a-f]{40}");
        assertThat(Json.at(status, "jsonrpc")).isEqualTo("2.0");
        assertThat(get(rpc, "/health").statusCode()).isEqualTo(200);
        try (Socket s = new Socket("127.0.0.1", p2p)) {
            assertThat(s.isConnected()).isTrue();
        }

        terminate();
        assertNoSecretPrinted(home, "first");

        process = start(home, rpc, p2p, "second");
        Object again = awaitCaughtUp(rpc, 500);
        assertThat(Json.string(again, "result", "validator_info", "pub_key", "value")).isEqualTo(pubkey);
        terminate();
        assertNoSecretPrinted(home, "second");
    }

    @Test
    void reportsCatchingUpWhenTheChainGoesAway() throws Exception {
        Path home = dir.resolve("home2");
        int rpc = freePort();
        process = start(home, rpc, freePort(), "third");
        awaitCaughtUp(rpc, 500);

        chain.stop(0);

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            Object status = Json.parse(get(rpc, "/status").body());
            assertThat(Json.at(status, "result", "sync_info", "catching_up")).isEqualTo(true);
            assertThat(Json.string(status, "result", "sync_info", "latest_block_height")).isEqualTo("500");
        });
        terminate();
    }

    @Test
    void usesAnExternallySuppliedKeyFileAndNeverMintsItsOwn() throws Exception {
        Path home = dir.resolve("external-home");
        Path keyFile = dir.resolve("secrets").resolve("priv_validator_key.json");
        Files.createDirectories(keyFile.getParent());
        ConsensusKey key = ConsensusKey.generate();
        Files.writeString(keyFile, key.toFileJson());
        int rpc = freePort();
        process = new ProcessBuilder(javaCommand(List.of("start", "--home", home.toString(), "--rpc-port",
                Integer.toString(rpc), "--p2p-port", Integer.toString(freePort()), "--chain-rpc",
                "http://127.0.0.1:" + chain.getAddress().getPort(), "--poll-ms", "100",
                "--priv-validator-key-file", keyFile.toString())))
                .redirectOutput(dir.resolve("ext.out").toFile()).redirectError(dir.resolve("ext.err").toFile())
                .start();

        Object status = awaitCaughtUp(rpc, 500);
        assertThat(Json.string(status, "result", "validator_info", "pub_key", "value"))
                .isEqualTo(key.publicKeyBase64());
        assertThat(Json.string(status, "result", "validator_info", "address")).isEqualTo(key.address());
        assertThat(home.resolve("config/priv_validator_key.json")).doesNotExist();
        assertThat(home.resolve("config/node_key.json")).exists();
        terminate();
        assertThat(home.resolve("config/priv_validator_key.json")).doesNotExist();
    }

    @Test
    void refusesAMissingExternalKeyFileInsteadOfCreatingAKey() throws Exception {
        Path home = dir.resolve("no-key-home");
        Process p = new ProcessBuilder(javaCommand(List.of("start", "--home", home.toString(), "--rpc-port",
                Integer.toString(freePort()), "--p2p-port", Integer.toString(freePort()), "--chain-rpc",
                "http://127.0.0.1:" + chain.getAddress().getPort(), "--priv-validator-key-file",
                dir.resolve("absent.json").toString()))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("absent.json does not exist");
        assertThat(home.resolve("config/priv_validator_key.json")).doesNotExist();
    }

    @Test
    void refusesBadArgumentsWithUsage() throws Exception {
        Process p = new ProcessBuilder(javaCommand(List.of("start", "--home", dir.toString(), "--rpc-port", "x")))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("usage:");
    }

    private Process start(Path home, int rpc, int p2p, String logName) throws IOException {
        List<String> cmd = javaCommand(List.of("start", "--home", home.toString(), "--rpc-port",
                Integer.toString(rpc), "--p2p-port", Integer.toString(p2p), "--moniker", "alice", "--chain-rpc",
                "http://127.0.0.1:" + chain.getAddress().getPort(), "--poll-ms", "100"));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve(logName + ".out").toFile())
                .redirectError(dir.resolve(logName + ".err").toFile()).start();
    }

    private void terminate() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.isAlive()).isFalse();
    }

    private void assertNoSecretPrinted(Path home, String logName) throws IOException {
        Object keyFile = Json.parse(Files.readString(home.resolve("config/priv_validator_key.json")));
        Object nodeKey = Json.parse(Files.readString(home.resolve("config/node_key.json")));
        String out = Files.readString(dir.resolve(logName + ".out")) + Files.readString(dir.resolve(logName + ".err"));
        assertThat(out).contains("node started").contains("node stopped")
                .doesNotContain(Json.string(keyFile, "priv_key", "value"))
                .doesNotContain(Json.string(nodeKey, "priv_key", "value"))
                .doesNotContain(Json.string(keyFile, "priv_key", "value").substring(0, 43));
    }

    private static Object awaitCaughtUp(int rpc, long height) {
        Object[] last = new Object[1];
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Object status = Json.parse(get(rpc, "/status").body());
                    assertThat(Json.string(status, "result", "sync_info", "latest_block_height"))
                            .isEqualTo(Long.toString(height));
                    assertThat(Json.at(status, "result", "sync_info", "catching_up")).isEqualTo(false);
                    last[0] = status;
                });
        return last[0];
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The command other programs start the node with ({@link NodeProcess}), with {@code args} after the main class. */
    private static List<String> javaCommand(List<String> args) {
        List<String> start = NodeProcess.startCommand().orElseThrow();
        List<String> cmd = new java.util.ArrayList<>(start.subList(0, start.size() - 1));
        cmd.addAll(args);
        return cmd;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
