package network.omniphi.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import network.omniphi.devnode.Json;

/** An {@code omniphi-agent run} process and its bridge, as the tests drive it. */
final class RunningAgent implements AutoCloseable {

    final Process process;
    final int bridgePort;
    final int rpcPort;
    final Path output;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningAgent(Process process, int bridgePort, int rpcPort, Path output) {
        this.process = process;
        this.bridgePort = bridgePort;
        this.rpcPort = rpcPort;
        this.output = output;
    }

    static RunningAgent start(Path home, String gatewayUrl, String chainRpc, Path output, String... extra)
            throws IOException {
        int bridge = AgentCli.freePort();
        int rpc = AgentCli.freePort();
        List<String> args = new ArrayList<>(List.of("run", "--home", home.toString(), "--gateway", gatewayUrl,
                "--bridge-port", Integer.toString(bridge), "--node-rpc-port", Integer.toString(rpc),
                "--node-p2p-port", Integer.toString(AgentCli.freePort()), "--chain-rpc", chainRpc));
        if (!List.of(extra).contains("--heartbeat-interval")) {
            args.addAll(List.of("--heartbeat-interval", "1s"));
        }
        args.addAll(List.of(extra));
        Process p = AgentCli.start(Map.of("OMNIPHI_AGENT_PASSPHRASE", AgentCli.PASSPHRASE), output,
                args.toArray(String[]::new));
        return new RunningAgent(p, bridge, rpc, output);
    }

    Object status() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/status");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status " + r.statusCode());
        }
        return Json.parse(r.body());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String log() throws IOException {
        return AgentCli.read(output);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + bridgePort + path);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
