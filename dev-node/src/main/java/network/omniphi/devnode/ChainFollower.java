package network.omniphi.devnode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows the chain the way a syncing node appears to: it polls the chain's {@code /status} and closes most of the
 * gap to the chain height on each poll (three quarters, at least one block), so a fresh node catches up over a few
 * polls. When the chain cannot be reached it keeps its height and reports that it is catching up.
 */
public final class ChainFollower {

    private final HttpClient http;
    private final URI chainStatus;
    private volatile Snapshot snapshot;

    /** What the node knows about its own sync progress. */
    public record Snapshot(long height, String blockTime, boolean catchingUp) {
    }

    public ChainFollower(String chainRpc, long startHeight) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        this.chainStatus = URI.create(chainRpc.replaceAll("/+$", "") + "/status");
        this.snapshot = new Snapshot(startHeight, Instant.EPOCH.toString(), true);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** One poll of the chain; never throws. */
    public void poll() {
        Snapshot current = snapshot;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(chainStatus)
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                snapshot = new Snapshot(current.height(), current.blockTime(), true);
                return;
            }
            Object root = Json.parse(response.body());
            long target = Long.parseLong(Json.string(root, "result", "sync_info", "latest_block_height"));
            String time = Json.string(root, "result", "sync_info", "latest_block_time");
            snapshot = advance(current, target, time == null ? Instant.now().toString() : time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            snapshot = new Snapshot(current.height(), current.blockTime(), true);
        }
    }

    static Snapshot advance(Snapshot current, long target, String chainTime) {
        long gap = target - current.height();
        if (gap <= 0) {
            return new Snapshot(current.height(), current.height() == target ? chainTime : current.blockTime(),
                    false);
        }
        long step = Math.max(1, (gap * 3 + 3) / 4);
        long height = current.height() + step;
        boolean caughtUp = height >= target;
        return new Snapshot(height, caughtUp ? chainTime : Instant.now().toString(), !caughtUp);
    }
}
