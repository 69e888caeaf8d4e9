import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Benchmark body generator:
 * {@code java -cp bcprov.jar GenHeartbeats.java <out-file> <count> <wallet> <ts-offset-s> <links-csv>}.
 * Writes one signed heartbeat body per line, each from a fresh random ed25519 consensus key, all for one wallet,
 * timestamped now + offset (so the bodies stay inside the server's +-60 s window for the whole run). The canonical
 * form is the one of docs/heartbeat-protocol.md. Heartbeats of unlinked keys are refused (403), so the keys' links
 * are written to {@code links-csv} ({@code consensus_pubkey,setup_request_id,wallet_address}, one fresh setup id per
 * key) for the run script to load into {@code consensus_key_links}, as the gateway's ConsensusKeyLinked events would.
 */
public class GenHeartbeats {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String wallet = args[2];
        String ts = Instant.now().plusSeconds(Long.parseLong(args[3])).truncatedTo(ChronoUnit.MILLIS).toString();
        Ed25519.precompute();
        String[][] lines = new String[count][];
        IntStream.range(0, count).parallel().forEach(i -> lines[i] = body(wallet, ts, i));
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                BufferedWriter links = Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8)) {
            for (String[] line : lines) {
                w.write(line[0]);
                w.newLine();
                links.write(line[1] + "," + java.util.UUID.randomUUID() + "," + wallet);
                links.newLine();
            }
        }
    }

    /** The signed body and its key. */
    private static String[] body(String wallet, String ts, int i) {
        SecureRandom random = new SecureRandom();
        byte[] sk = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(random, sk);
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(sk, 0, pk, 0);
        String pub = Base64.getEncoder().encodeToString(pk);
        long height = 1000 + i;
        String canonical = "{\"blockHeight\":" + height + ",\"consensusPubkey\":\"" + pub + "\",\"localP2pPort\":26656"
                + ",\"localRpcPort\":26657,\"timestamp\":\"" + ts + "\",\"uptimeSeconds\":3600,\"walletAddress\":\""
                + wallet + "\"}";
        byte[] msg = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(sk, 0, msg, 0, msg.length, sig, 0);
        return new String[]{canonical.substring(0, canonical.length() - 1) + ",\"signature\":\""
                + Base64.getEncoder().encodeToString(sig) + "\"}", pub};
    }
}
