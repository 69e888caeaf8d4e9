package network.omniphi.heartbeat.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import network.omniphi.codec.Bech32;

/** A simulated local node: an ed25519 consensus key and its wallet; builds signed heartbeat bodies. */
public final class TestNode {

    private static final SecureRandom RANDOM = new SecureRandom();

    public final byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
    public final String pubkey;
    public final String wallet;

    public TestNode() {
        this(randomWallet());
    }

    public TestNode(String wallet) {
        Ed25519.generatePrivateKey(RANDOM, privateKey);
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, pk, 0);
        this.pubkey = Base64.getEncoder().encodeToString(pk);
        this.wallet = wallet;
    }

    /**
     * Links this node's key to its wallet in the database, as the gateway's ConsensusKeyLinked event would, but to a
     * setup this service has never heard of (so heartbeats are stored and bind nothing). Tests of the event flow
     * itself send the real event instead.
     */
    public TestNode linked() {
        String sql = "INSERT INTO consensus_key_links (consensus_pubkey, setup_request_id, wallet_address, linked_at)"
                + " VALUES (?, ?, ?, now()) ON CONFLICT (consensus_pubkey) DO UPDATE SET"
                + " setup_request_id = excluded.setup_request_id, wallet_address = excluded.wallet_address,"
                + " released_at = NULL";
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, pubkey);
            st.setString(2, java.util.UUID.randomUUID().toString());
            st.setString(3, wallet);
            st.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not link the test node's key", e);
        }
        return this;
    }

    public static String randomWallet() {
        byte[] account = new byte[20];
        RANDOM.nextBytes(account);
        return Bech32.encode("omni", account);
    }

    public static String rfc3339(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The unsigned fields of a heartbeat at {@code at}, height {@code height}. */
    public Map<String, Object> fields(Instant at, long height) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("walletAddress", wallet);
        body.put("consensusPubkey", pubkey);
        body.put("blockHeight", height);
        body.put("uptimeSeconds", 3600L);
        body.put("localRpcPort", 26657);
        body.put("localP2pPort", 26656);
        body.put("timestamp", rfc3339(at));
        return body;
    }

    /** Fields plus the signature by this node's key over their canonical JSON. */
    public Map<String, Object> signed(Instant at, long height) {
        Map<String, Object> body = fields(at, height);
        body.put("signature", sign(body));
        return body;
    }

    public String sign(Map<String, Object> fields) {
        byte[] message = canonical(fields).getBytes(StandardCharsets.UTF_8);
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, message, 0, message.length, sig, 0);
        return Base64.getEncoder().encodeToString(sig);
    }

    /** Independent implementation of the canonical form of docs/heartbeat-protocol.md (sorted keys, no spaces). */
    public static String canonical(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder("{");
        new TreeMap<>(fields).forEach((k, v) -> {
            if (k.equals("signature")) {
                return;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(k).append("\":");
            sb.append(v instanceof String s ? '"' + s + '"' : String.valueOf(v));
        });
        return sb.append('}').toString();
    }
}
