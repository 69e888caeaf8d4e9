package network.omniphi.devnode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Takes part in the devnet's consensus the way a validator's CometBFT signs precommits: once the node is in sync, it
 * signs each new chain height with its consensus key and sends the vote to the chain's {@code POST /consensus/vote}.
 * The devnet counts a bonded validator's block as signed only when such a vote arrived, so a stopped node misses
 * blocks and eats into its x/slashing budget exactly like a real one. Never throws; the key file is read per vote.
 */
public final class Voter {

    /** Domain separation of the signed bytes: {@code omniphi-devnet/vote/v1/<chain id>/<height>}. */
    public static final String DOMAIN = "omniphi-devnet/vote/v1/";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI voteUri;
    private final String chainId;
    private final Supplier<String> keyFile;
    private final String pubKeyBase64;
    private volatile long lastVoted;

    public Voter(String chainRpc, String chainId, Supplier<String> keyFile, String pubKeyBase64) {
        this.voteUri = URI.create(chainRpc.replaceAll("/+$", "") + "/consensus/vote");
        this.chainId = chainId;
        this.keyFile = keyFile;
        this.pubKeyBase64 = pubKeyBase64;
    }

    public static byte[] signBytes(String chainId, long height) {
        return (DOMAIN + chainId + "/" + height).getBytes(StandardCharsets.UTF_8);
    }

    /** Votes for {@code height} when in sync and not voted yet. */
    public void vote(ChainFollower.Snapshot sync) {
        if (sync.catchingUp() || sync.height() <= lastVoted) {
            return;
        }
        try {
            byte[] signature = ConsensusKey.signWithKeyFile(keyFile.get(), signBytes(chainId, sync.height()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("pubKey", pubKeyBase64);
            body.put("height", Long.toString(sync.height()));
            body.put("signature", Base64.getEncoder().encodeToString(signature));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(voteUri).timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            Json.write(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                lastVoted = sync.height();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the chain is unreachable or refused the vote: the block counts as missed, as it would on a real chain
        }
    }
}
