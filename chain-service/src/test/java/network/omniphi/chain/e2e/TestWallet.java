package network.omniphi.chain.e2e;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.ec.CustomNamedCurves;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import network.omniphi.chain.domain.Addresses;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxResponse;

/** A throwaway secp256k1 wallet that signs through CosmJS (node tools/cosmjs/sign.mjs), as a real wallet would. */
record TestWallet(String privateKeyHex, byte[] pubkey, String address) {

    static final Path COSMJS = Path.of("..", "tools", "cosmjs").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The CosmJS vector key (funded in the devnet genesis). */
    static TestWallet vectorWallet() {
        return of(
                Addresses.sha256("omniphi chain-service golden vector wallet key 1".getBytes(StandardCharsets.UTF_8)));
    }

    /** The genesis vesting account of DevnetResource. */
    static TestWallet vestingWallet() {
        return of(Addresses.sha256(
                "omniphi chain-service vesting wallet key 1".getBytes(StandardCharsets.UTF_8)));
    }

    static TestWallet random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return of(key);
    }

    static TestWallet of(byte[] privateKey) {
        var curve = CustomNamedCurves.getByName("secp256k1");
        byte[] pub = curve.getG().multiply(new BigInteger(1, privateKey)).normalize().getEncoded(true);
        return new TestWallet(HexFormat.of().formatHex(privateKey), pub,
                new Addresses("omni", "omnivaloper").accountOf(pub));
    }

    static String randomConsensusKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Funds this wallet through devnet's POST /faucet. */
    void fund(String rpcUrl, long amount) throws IOException, InterruptedException {
        String body = "{\"address\":\"" + address + "\",\"amount\":{\"denom\":\"omniphi\",\"amount\":\"" + amount
                + "\"}}";
        post(rpcUrl + "/faucet", body);
    }

    static void post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /**
     * Signs the built tx with CosmJS' wallets as Keplr would (tools/cosmjs/wallet-sign.mjs): direct through
     * DirectSecp256k1Wallet.signDirect, amino through Secp256k1Wallet.signAmino on the parsed StdSignDoc, which CosmJS
     * serialises itself, so the chain-service rendering must match CosmJS byte for byte.
     */
    byte[] walletSign(network.omniphi.proto.chain.v1.SignDoc signDoc, String aminoSignDoc, boolean amino)
            throws Exception {
        ensureCosmJs();
        ObjectNode in = JSON.createObjectNode().put("privateKeyHex", privateKeyHex).put("mode",
                amino ? "amino" : "direct");
        if (amino) {
            in.set("aminoSignDoc", JSON.readTree(aminoSignDoc));
        }
        in.putObject("signDoc")
                .put("bodyBytes", Base64.getEncoder().encodeToString(signDoc.getBodyBytes().toByteArray()))
                .put("authInfoBytes", Base64.getEncoder().encodeToString(signDoc.getAuthInfoBytes().toByteArray()))
                .put("chainId", signDoc.getChainId())
                .put("accountNumber", Long.toUnsignedString(signDoc.getAccountNumber()));
        String out = run("wallet-sign.mjs", JSON.writeValueAsBytes(in));
        return Base64.getDecoder().decode(JSON.readTree(out).get("txBytes").asText());
    }

    private static String run(String script, byte[] stdin) throws Exception {
        Process p = new ProcessBuilder("node", script).directory(COSMJS.toFile()).start();
        p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(script + " failed: " + err);
        }
        return out;
    }

    /** Signs the built tx with CosmJS, optionally for another chain id; returns the TxRaw bytes. */
    byte[] sign(BuildCreateValidatorTxResponse built, boolean amino, String chainIdOverride) throws Exception {
        ensureCosmJs();
        ObjectNode in = JSON.createObjectNode().put("privateKeyHex", privateKeyHex).put("mode",
                amino ? "amino" : "direct").put("aminoSignDoc", built.getAminoSignDoc());
        in.putObject("signDoc")
                .put("bodyBytes", Base64.getEncoder().encodeToString(built.getSignDoc().getBodyBytes().toByteArray()))
                .put("authInfoBytes",
                        Base64.getEncoder().encodeToString(built.getSignDoc().getAuthInfoBytes().toByteArray()))
                .put("chainId", chainIdOverride == null ? built.getSignDoc().getChainId() : chainIdOverride)
                .put("accountNumber", Long.toUnsignedString(built.getSignDoc().getAccountNumber()));
        Process p = new ProcessBuilder("node", "sign.mjs").directory(COSMJS.toFile()).start();
        p.getOutputStream().write(JSON.writeValueAsBytes(in));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("sign.mjs failed: " + err);
        }
        return Base64.getDecoder().decode(out);
    }

    private static synchronized void ensureCosmJs() throws Exception {
        if (Files.isDirectory(COSMJS.resolve("node_modules").resolve("@cosmjs"))) {
            return;
        }
        // never inheritIO: npm (node) would put the test JVM's shared stdin into non-blocking mode, and surefire's
        // command channel on that stdin then fails the fork ("std/in stream corrupted: Resource temporarily
        // unavailable") even though every test passed
        java.nio.file.Path log = java.nio.file.Path.of("target", "npm-ci-cosmjs.log").toAbsolutePath();
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(COSMJS.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("npm ci in tools/cosmjs failed (see " + log + ")");
        }
    }
}
