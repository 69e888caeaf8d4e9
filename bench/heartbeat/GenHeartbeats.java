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
 * {@code java -cp bcprov.jar GenHeartbeats.java <out-file> <keys> <wallet> <ts-offset-s> <links-csv> [rounds]}.
 * Writes signed heartbeat bodies, one per line, of {@code keys} fresh random ed25519 consensus keys, all for one
 * wallet: {@code rounds} (default 1) heartbeats per key, round after round (every key's first heartbeat, then every
 * key's second, ...), each round 1 ms and one block later than the one before, so that a key's heartbeats arrive in
 * order and none is a replay. All are timestamped about now + offset (so the bodies stay inside the server's +-60 s
 * window for the whole run). The first round is each key's first heartbeat (a new row); the later rounds are what a
 * running node sends (an update of its row). Round r carries uptimeSeconds 3600 + r, so a stored row tells how many of
 * its key's heartbeats it holds (the run script's durability check). The canonical
 * form is the one of docs/heartbeat-protocol.md. Heartbeats of unlinked keys are refused (403), so the keys' links
 * are written to {@code links-csv} ({@code consensus_pubkey,setup_request_id,wallet_address}, one fresh setup id per
 * key) for the run script to load into {@code consensus_key_links}, as the gateway's ConsensusKeyLinked events would.
 */
public class GenHeartbeats {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String wallet = args[2];
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        Instant start = Instant.now().plusSeconds(Long.parseLong(args[3])).truncatedTo(ChronoUnit.MILLIS);
        Ed25519.precompute();
        String[][][] lines = new String[count][][];
        IntStream.range(0, count).parallel().forEach(i -> lines[i] = key(wallet, start, i, rounds));
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                BufferedWriter links = Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8)) {
            for (int r = 0; r < rounds; r++) {
                for (String[][] key : lines) {
                    w.write(key[r][0]);
                    w.newLine();
                }
            }
            for (String[][] key : lines) {
                links.write(key[0][1] + "," + java.util.UUID.randomUUID() + "," + wallet);
                links.newLine();
            }
        }
    }

    /** The signed bodies of one fresh key, one per round, each with the key. */
    private static String[][] key(String wallet, Instant start, int i, int rounds) {
        SecureRandom random = new SecureRandom();
        byte[] sk = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(random, sk);
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(sk, 0, pk, 0);
        String[][] bodies = new String[rounds][];
        for (int r = 0; r < rounds; r++) {
            bodies[r] = body(wallet, start.plusMillis(r).toString(), 1000L + i + r, 3600L + r, sk, pk);
        }
        return bodies;
    }

    /** The signed body and its key. */
    private static String[] body(String wallet, String ts, long height, long uptime, byte[] sk, byte[] pk) {
        String pub = Base64.getEncoder().encodeToString(pk);
        String canonical = "{\"blockHeight\":" + height + ",\"consensusPubkey\":\"" + pub + "\",\"localP2pPort\":26656"
                + ",\"localRpcPort\":26657,\"timestamp\":\"" + ts + "\",\"uptimeSeconds\":" + uptime + ",\"walletAddress\":\""
                + wallet + "\"}";
        byte[] msg = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(sk, 0, msg, 0, msg.length, sig, 0);
        return new String[]{canonical.substring(0, canonical.length() - 1) + ",\"signature\":\""
                + Base64.getEncoder().encodeToString(sig) + "\"}", pub};
    }
}
