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
 * <li>{@code burst N}: N local setups at once, each linked to its node's key by its owner and made ready by one signed
 * heartbeat of that key; all must reach ready_for_chain_tx exactly once.</li>
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
            case "burst" -> new SetupBench(false).burst(n, Duration.ZERO, Duration.ofMinutes(5));
            case "fault" -> new SetupBench(true).burst(n, spread(), Duration.ofMinutes(15));
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

    /** Fault mode spreads its setups over this long, so every outage of the run meets setups in flight. */
    private static Duration spread() {
        return Duration.ofSeconds(Long.getLong("fault.spread-seconds", 150));
    }

    private Map<String, Object> burst(int n, Duration spread, Duration deadline) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sessions.add(new Session(api, Wallet.random()));
        }
        ExecutorService pool = daemonPool(32);
        try {
            return burst(n, spread, deadline, sessions, pool);
        } finally {
            pool.shutdownNow(); // also when a job failed: its threads would keep the JVM (and the run script) alive
        }
    }

    private Map<String, Object> burst(int n, Duration spread, Duration deadline, List<Session> sessions,
            ExecutorService pool) throws Exception {
        Map<Session, String> setupIds = new ConcurrentHashMap<>();
        Map<Session, String> keys = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Session s = sessions.get(i);
            long due = t0 + spread.toNanos() * i / n;
            while (System.nanoTime() < due) {
                Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
            }
            jobs.add(pool.submit(() -> {
                retry(s::login);
                String id = retry(() -> createOnce(s, "local", 0));
                setupIds.put(s, id);
                NodeKey node = NodeKey.random();
                keys.put(s, node.publicKeyBase64());
                retry(() -> link(s, id, node));
                retry(() -> heartbeatOnceLinked(node, s.wallet()));
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        long submitted = System.nanoTime();
        int ready = 0;
        for (Session s : sessions) {
            ready += awaitLatest(s, deadline, v -> "ready_for_chain_tx".equals(v.at("/setupRequest/status").asText())
                    && keys.get(s).equals(v.at("/setupRequest/consensusPubkey").asText())) ? 1 : 0;
        }
        return verdict(sessions, setupIds, ready, t0, submitted);
    }

    private Map<String, Object> verdict(List<Session> sessions, Map<Session, String> ids, int ready, long t0,
            long submitted) throws Exception {
        int duplicated = 0;
        for (Session s : sessions) {
            JsonNode list = retry(() -> {
                Api.Reply r = s.get("/api/v1/validators/by-wallet/" + s.wallet().address());
                Api.expect(r, 200);
                return r.body();
            });
            duplicated += list.size() > 1 ? list.size() - 1 : 0;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("setups", sessions.size());
        f.put("ready", ready);
        f.put("lost", sessions.size() - ready);
        f.put("duplicated", duplicated);
        f.put("submitSeconds", (submitted - t0) / 1e9);
        f.put("totalSeconds", (System.nanoTime() - t0) / 1e9);
        f.put("ok", ready == sessions.size() && duplicated == 0 && ids.size() == sessions.size());
        f.put("setupIds", new ArrayList<>(ids.values()));
        return f;
    }

    /**
     * N cloud setups through outages, all at once, each driven the whole way as the portal and wallet would: login →
     * setup → ready_for_chain_tx → unsigned MsgCreateValidator → CosmJS wallet signs → broadcast → active → stop →
     * stopped. Afterwards each setup must have had exactly one node process.
     */
    private Map<String, Object> cloud(int n, Duration deadline) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = daemonPool(n);
        List<Session> sessions = new ArrayList<>();
        Map<Session, String> ids = new ConcurrentHashMap<>();
        Map<String, Integer> processes = new ConcurrentHashMap<>();
        List<Future<Boolean>> journeys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Session s = new Session(api, Wallet.random());
            sessions.add(s);
            int index = i;
            journeys.add(pool.submit(() -> cloudJourney(s, index, ids, processes, deadline)));
        }
        int active = 0;
        for (Future<Boolean> j : journeys) {
            active += j.get() ? 1 : 0;
        }
        long submitted = System.nanoTime();
        pool.shutdown();
        int stopped = 0;
        for (Session s : sessions) {
            stopped += awaitLatest(s, deadline, v -> "stopped".equals(v.at("/setupRequest/status").asText())) ? 1 : 0;
        }
        int twice = (int) processes.values().stream().filter(c -> c > 1).count();
        Map<String, Object> f = verdict(sessions, ids, active, t0, submitted);
        f.put("active", active);
        f.put("stopped", stopped);
        f.put("nodesCreatedTwice", twice);
        f.put("lost", n - Math.min(active, stopped));
        f.put("duplicated", (int) f.get("duplicated") + twice);
        f.put("ok", Boolean.TRUE.equals(f.get("ok")) && twice == 0 && stopped == n);
        return f;
    }

    private boolean cloudJourney(Session s, int index, Map<Session, String> ids, Map<String, Integer> processes,
            Duration deadline) throws Exception {
        retry(() -> {
            Stack.faucet(s.wallet().address(), "5000000000");
            return null;
        });
        retry(s::login);
        String id = retry(() -> createOnce(s, "cloud", index));
        ids.put(s, id);
        if (!awaitLatest(s, deadline, v -> "ready_for_chain_tx".equals(v.at("/setupRequest/status").asText()))) {
            return false;
        }
        processes.put(id, nodeProcesses(id));
        boolean active = signAndBroadcastUntilActive(s, id, deadline);
        retry(() -> stop(s, id));
        return active;
    }

    /**
     * Builds, signs and broadcasts the create-validator transaction until the setup is active. An outage can swallow
     * the reply of a broadcast that did reach the chain, so a transaction is built and sent again only while the setup
     * is still ready_for_chain_tx some time after the previous attempt (the gateway refuses a second one otherwise).
     */
    private boolean signAndBroadcastUntilActive(Session s, String id, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        long lastAttempt = 0;
        while (System.nanoTime() < end) {
            String status = statusOf(s, id);
            if ("active".equals(status)) {
                return true;
            }
            if ("inactive".equals(status)) {
                return false; // created, but outside the active set: never active in this run
            }
            boolean quiet = System.nanoTime() - lastAttempt > Duration.ofSeconds(20).toNanos();
            if ("ready_for_chain_tx".equals(status) && quiet) {
                lastAttempt = System.nanoTime();
                try {
                    broadcastOnce(s, id);
                } catch (IOException | IllegalStateException e) {
                    // outage or refused during one: the status decides what happens next
                }
            }
            Thread.sleep(250);
        }
        return false;
    }

    private void broadcastOnce(Session s, String id) throws IOException, InterruptedException {
        Map<String, Object> txRequest = Map.of("selfDelegation", Map.of("denom", "omniphi", "amount", "2000000000"),
                "maxRate", "0.20", "maxChangeRate", "0.01", "minSelfDelegation", "1", "signMode", "direct");
        Api.Reply unsigned = s.post("/api/v1/validators/setup-requests/" + id + "/create-validator-tx", txRequest);
        Api.expect(unsigned, 200);
        Map<String, Object> signInput = new LinkedHashMap<>();
        signInput.put("privateKeyHex", s.wallet().privateKeyHex());
        signInput.put("mode", "direct");
        signInput.put("signDoc", unsigned.body().get("signDoc"));
        String txBytes = Stack.node("tools/cosmjs/wallet-sign.mjs", signInput).get("txBytes").asText();
        Api.expect(s.post("/api/v1/validators/setup-requests/" + id + "/broadcast", Map.of("txBytes", txBytes)), 200);
    }

    private String statusOf(Session s, String id) throws InterruptedException {
        try {
            Api.Reply r = s.get("/api/v1/validators/setup-requests/" + id);
            return r.status() == 200 ? r.body().at("/setupRequest/status").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private Object stop(Session s, String id) throws Exception {
        Api.Reply r = s.post("/api/v1/validators/stop", Map.of("setupRequestId", id));
        String status = statusOf(s, id);
        if (r.status() != 202 && !"stopping".equals(status) && !"stopped".equals(status)) {
            throw new IllegalStateException("stop answered " + r.status());
        }
        return null;
    }

    /** Node processes the local runtime runs for this setup (its command line names the setup's node home). */
    private static int nodeProcesses(String setupId) {
        return (int) ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("NodeMain") && c.contains(setupId))
                        .orElse(false))
                .count();
    }

    /** Polls the wallet's newest setup view until it satisfies the condition or the deadline passes. */
    private boolean awaitLatest(Session s, Duration deadline, java.util.function.Predicate<JsonNode> condition)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            try {
                Api.Reply r = s.get("/api/v1/validators/by-wallet/" + s.wallet().address());
                JsonNode list = r.body();
                if (r.status() == 200 && list != null && list.size() > 0 && condition.test(list.get(0))) {
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
    private String createOnce(Session s, String runMode, int index) throws Exception {
        Api.Reply r = s.post("/api/v1/validators/setup-requests", setup(s.wallet(), runMode, index));
        if (r.status() == 201) {
            return r.body().at("/setupRequest/id").asText();
        }
        if (r.status() == 409) {
            JsonNode list = s.get("/api/v1/validators/by-wallet/" + s.wallet().address()).body();
            return list.get(0).at("/setupRequest/id").asText();
        }
        throw new IllegalStateException("create answered " + r.status());
    }

    /** The owner links the node's key to the setup (docs/heartbeat-protocol.md); the same link again is a 200. */
    private Object link(Session s, String setupId, NodeKey node) throws Exception {
        Api.Reply r = s.post("/api/v1/validators/setup-requests/" + setupId + "/consensus-key",
                node.linkBody(Stack.CHAIN_ID, setupId, s.wallet().address()));
        if (r.status() != 200) {
            throw new IllegalStateException("link answered " + r.status());
        }
        return null;
    }

    /**
     * One accepted heartbeat of the linked key. The link reaches the heartbeat service through Kafka, so until it has
     * the heartbeat is refused with 403 consensus-key-not-linked: then a fresh one is sent (for up to two minutes).
     * Each refused heartbeat was authentic, so it spent one of the key's rate-limit tokens (5, one more every 2 s): a
     * 429 is waited out for one refill, as the local agent waits for its Retry-After.
     */
    private Object heartbeatOnceLinked(NodeKey node, Wallet w) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Api.Reply r = api.post("/api/v1/validators/heartbeat", null, node.heartbeat(w.address(), 10, 5));
            if (r.status() == 202 || r.status() == 409) {
                return null;
            }
            if (r.status() == 429 && System.nanoTime() < end) {
                Thread.sleep(2_100);
                continue;
            }
            if (r.status() != 403 || System.nanoTime() > end) {
                throw new IllegalStateException("heartbeat answered " + r.status());
            }
            Thread.sleep(250);
        }
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
    /** Worker threads that never keep the JVM alive once main is done (or has failed). */
    private static ExecutorService daemonPool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
    }

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
