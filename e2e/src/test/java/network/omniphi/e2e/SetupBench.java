package network.omniphi.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Setup benchmarks and the fault-run driver over the public HTTPS API (a command, not a test; bench/setups/run.sh and
 * bench/fault/run.sh call it). Modes:
 * <ul>
 * <li>{@code latency N}: N cloud setups one after another; time from the 201 of POST to ready_for_chain_tx (each node is
 * stopped again afterwards, so the machine runs one node at a time).</li>
 * <li>{@code burst N}: N local setups at once, each made ready by one signed heartbeat; all must reach
 * ready_for_chain_tx exactly once.</li>
 * <li>{@code fault N}: like burst, but every call is retried through outages (services killed, Kafka or PostgreSQL
 * restarted) and the deadline is long.</li>
 * </ul>
 * Figures go to the JSON file named by the last argument.
 */
public final class SetupBench {

    private final Api api = new Api(Stack.GATEWAY);
    private final boolean tolerant;

    private SetupBench(boolean tolerant) {
        this.tolerant = tolerant;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Map<String, Object> figures = switch (mode) {
            case "latency" -> new SetupBench(false).latency(n);
            case "burst" -> new SetupBench(false).burst(n, Duration.ofMinutes(5));
            case "fault" -> new SetupBench(true).burst(n, Duration.ofMinutes(15));
            case "cloud-fault" -> new SetupBench(true).cloud(n, Duration.ofMinutes(15));
            default -> throw new IllegalArgumentException("mode: latency | burst | fault");
        };
        figures.put("mode", mode);
        figures.put("at", Instant.now().toString());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, Stack.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(figures));
        System.out.println(Stack.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        System.exit(Boolean.TRUE.equals(figures.get("ok")) ? 0 : 1);
    }

    private Map<String, Object> latency(int n) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Wallet w = Wallet.random();
            String token = api.login(w);
            Api.Reply created = api.post("/api/v1/validators/setup-requests", token, setup(w, "cloud", i));
            Api.expect(created, 201);
            long t0 = System.nanoTime();
            String id = created.body().at("/setupRequest/id").asText();
            awaitReady(id, token, Duration.ofMinutes(2));
            millis.add((System.nanoTime() - t0) / 1_000_000);
            Api.expect(api.post("/api/v1/validators/stop", token, Map.of("setupRequestId", id)), 202);
        }
        Collections.sort(millis);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("setups", n);
        f.put("postToReadyMillis", Map.of("p50", pct(millis, 50), "p99", pct(millis, 99), "min", millis.get(0),
                "max", millis.get(millis.size() - 1)));
        f.put("ok", millis.size() == n);
        return f;
    }

    private Map<String, Object> burst(int n, Duration deadline) throws Exception {
        List<Wallet> wallets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            wallets.add(Wallet.random());
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Map<String, String> tokens = new ConcurrentHashMap<>();
        Map<String, String> setupIds = new ConcurrentHashMap<>();
        Map<String, String> keys = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (Wallet w : wallets) {
            jobs.add(pool.submit(() -> {
                String token = retry(() -> api.login(w));
                tokens.put(w.address(), token);
                setupIds.put(w.address(), retry(() -> createOnce(w, token, "local")));
                NodeKey node = NodeKey.random();
                keys.put(w.address(), node.publicKeyBase64());
                retry(() -> heartbeat(node, w));
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        long submitted = System.nanoTime();
        int ready = 0;
        for (Wallet w : wallets) {
            ready += awaitReadyWithKey(w, tokens.get(w.address()), keys.get(w.address()), deadline) ? 1 : 0;
        }
        pool.shutdown();
        return verdict(wallets, tokens, setupIds, ready, t0, submitted);
    }

    private Map<String, Object> verdict(List<Wallet> wallets, Map<String, String> tokens, Map<String, String> ids,
            int ready, long t0, long submitted) throws Exception {
        int duplicated = 0;
        for (Wallet w : wallets) {
            JsonNode list = retry(() -> api.get("/api/v1/validators/by-wallet/" + w.address(),
                    tokens.get(w.address()))).body();
            duplicated += list.size() > 1 ? list.size() - 1 : 0;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("setups", wallets.size());
        f.put("ready", ready);
        f.put("lost", wallets.size() - ready);
        f.put("duplicated", duplicated);
        f.put("submitSeconds", (submitted - t0) / 1e9);
        f.put("totalSeconds", (System.nanoTime() - t0) / 1e9);
        f.put("ok", ready == wallets.size() && duplicated == 0 && ids.size() == wallets.size());
        return f;
    }

    /** N cloud setups through outages; afterwards each must have exactly one node process. */
    private Map<String, Object> cloud(int n, Duration deadline) throws Exception {
        long t0 = System.nanoTime();
        List<Wallet> wallets = new ArrayList<>();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        Map<String, String> ids = new ConcurrentHashMap<>();
        for (int i = 0; i < n; i++) {
            Wallet w = Wallet.random();
            wallets.add(w);
            String token = retry(() -> api.login(w));
            tokens.put(w.address(), token);
            ids.put(w.address(), retry(() -> createOnce(w, token, "cloud")));
        }
        long submitted = System.nanoTime();
        int ready = 0;
        int twice = 0;
        for (Wallet w : wallets) {
            String id = ids.get(w.address());
            if (awaitStatus(w, tokens.get(w.address()), "ready_for_chain_tx", deadline)) {
                ready++;
            }
            long processes = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("NodeMain") && c.contains(id))
                            .orElse(false))
                    .count();
            twice += processes > 1 ? 1 : 0;
            retry(() -> api.post("/api/v1/validators/stop", tokens.get(w.address()), Map.of("setupRequestId", id)));
        }
        Map<String, Object> f = verdict(wallets, tokens, ids, ready, t0, submitted);
        f.put("nodesCreatedTwice", twice);
        f.put("duplicated", (int) f.get("duplicated") + twice);
        f.put("ok", Boolean.TRUE.equals(f.get("ok")) && twice == 0);
        return f;
    }

    private boolean awaitStatus(Wallet w, String token, String status, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            try {
                JsonNode list = api.get("/api/v1/validators/by-wallet/" + w.address(), token).body();
                if (list != null && list.size() > 0 && status.equals(list.get(0).at("/setupRequest/status").asText())) {
                    return true;
                }
            } catch (IOException e) {
                // outage: keep polling until the deadline
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Creates the wallet's setup; after an outage the create may have happened already: then it is looked up. */
    private String createOnce(Wallet w, String token, String runMode) throws Exception {
        Api.Reply r = api.post("/api/v1/validators/setup-requests", token, setup(w, runMode, 0));
        if (r.status() == 201) {
            return r.body().at("/setupRequest/id").asText();
        }
        if (r.status() == 409) {
            JsonNode list = api.get("/api/v1/validators/by-wallet/" + w.address(), token).body();
            return list.get(0).at("/setupRequest/id").asText();
        }
        throw new IllegalStateException("create answered " + r.status());
    }

    private Object heartbeat(NodeKey node, Wallet w) throws Exception {
        Api.Reply r = api.post("/api/v1/validators/heartbeat", null, node.heartbeat(w.address(), 10, 5));
        if (r.status() != 202 && r.status() != 409) {
            throw new IllegalStateException("heartbeat answered " + r.status());
        }
        return null;
    }

    private boolean awaitReadyWithKey(Wallet w, String token, String key, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            try {
                JsonNode list = api.get("/api/v1/validators/by-wallet/" + w.address(), token).body();
                if (list != null && list.size() > 0
                        && "ready_for_chain_tx".equals(list.get(0).at("/setupRequest/status").asText())
                        && key.equals(list.get(0).at("/setupRequest/consensusPubkey").asText())) {
                    return true;
                }
            } catch (IOException e) {
                // outage: keep polling until the deadline
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void awaitReady(String id, String token, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            Api.Reply r = api.get("/api/v1/validators/setup-requests/" + id, token);
            if ("ready_for_chain_tx".equals(r.body().at("/setupRequest/status").asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("setup " + id + " not ready within " + deadline);
    }

    interface Call<T> {
        T run() throws Exception;
    }

    /** Tolerant mode retries through outages for up to 10 minutes; otherwise one try. */
    private <T> T retry(Call<T> call) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            try {
                return call.run();
            } catch (Exception e) {
                if (!tolerant || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static Map<String, Object> setup(Wallet w, String runMode, int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("walletAddress", w.address());
        body.put("validatorName", "bench-" + runMode + "-" + i);
        body.put("commissionRate", "0.10");
        body.put("runMode", runMode);
        return body;
    }

    private static long pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }
}
