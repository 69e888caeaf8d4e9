package network.omniphi.chain.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the real devnet (devnet/target/quarkus-app/quarkus-run.jar, built first by Maven through the test-scoped
 * dependency) as a child process on free ports with 300 ms blocks, dev endpoints on and the CosmJS vector wallet
 * funded; stops it afterwards. Points chain-service's {@code chain} gRPC client at it.
 */
public class DevnetResource implements QuarkusTestResourceLifecycleManager {

    public static final String FUNDED_WALLET = "omni10m40e5xlpnpekaw9g9ru4alppg0g4ppf32j7x9";
    /** TestWallet.vestingWallet(): a genesis delayed vesting account, 50 000 000 locked for an hour. */
    public static final String VESTING_WALLET = "omni1ju7ceruzzl4nft7t6hkw3qarlke3yypumutckc";
    static volatile String rpcUrl;
    static volatile int grpcPort;

    private Process process;
    private Map<String, String> devnetArgs = Map.of();

    /**
     * Init args: {@code devnet.*} keys are passed to the devnet process as {@code -D} options; the others are returned
     * as configuration of the chain-service under test (e.g. {@code omniphi.chain.amino-legacy-dec}).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        devnetArgs = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Path jar = Path.of("..", "devnet", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -pl devnet -am install");
        }
        grpcPort = freePort();
        int rpcPort = freePort();
        rpcUrl = "http://127.0.0.1:" + rpcPort;
        process = launch(jar, grpcPort, rpcPort);
        awaitStatus();
        // in test mode Quarkus points every client at the app's own gRPC test port unless test-port is set;
        // chain-api (the test's client of chain-service) relies on exactly that
        Map<String, String> config = new java.util.HashMap<>(Map.of("quarkus.grpc.clients.chain.host", "127.0.0.1",
                "quarkus.grpc.clients.chain.port", Integer.toString(grpcPort),
                "quarkus.grpc.clients.chain.test-port", Integer.toString(grpcPort)));
        devnetArgs.forEach((k, v) -> {
            if (!k.startsWith("devnet.")) {
                config.put(k, v);
            }
        });
        return config;
    }

    private Process launch(Path jar, int grpcPort, int rpcPort) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + rpcPort, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.grpc.server.port=" + grpcPort, "-Dquarkus.grpc.server.host=127.0.0.1",
                "-Ddevnet.block-interval=PT0.3S", "-Ddevnet.dev-endpoints=true",
                // the test classes create more validators than the devnet's default active set (5) holds, in an
                // order JUnit does not promise: each test's validator must still enter the set
                "-Ddevnet.staking.max-validators=100",
                "-Ddevnet.genesis.accounts=" + FUNDED_WALLET + "=1000000000000",
                "-Ddevnet.genesis.vesting-accounts=" + VESTING_WALLET + "=50000000@PT1H",
                "-Dquarkus.log.console.json.enabled=false"));
        devnetArgs.forEach((k, v) -> {
            if (k.startsWith("devnet.")) {
                command.add("-D" + k + "=" + v);
            }
        });
        command.addAll(List.of("-jar", jar.toString()));
        try {
            File log = Path.of("target", "devnet-e2e-" + rpcPort + ".log").toFile();
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start devnet", e);
        }
    }

    private void awaitStatus() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest status = HttpRequest.newBuilder(URI.create(rpcUrl + "/status")).timeout(Duration.ofSeconds(2))
                .build();
        await("devnet /status").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("devnet exited; see target/devnet-e2e-<port>.log");
                    }
                    return http.send(status, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
