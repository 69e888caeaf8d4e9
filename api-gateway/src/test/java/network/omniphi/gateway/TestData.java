package network.omniphi.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import network.omniphi.gateway.testing.TestWallet;

/** Test inputs: fresh wallets (real secp256k1 keys, so addresses derive from pubkeys) and valid setup bodies. */
public final class TestData {

    private static final Map<String, TestWallet> KEYS = new ConcurrentHashMap<>();

    private TestData() {
    }

    /** A new wallet address whose key {@link #key(String)} returns. */
    public static String wallet() {
        TestWallet w = TestWallet.random();
        KEYS.put(w.address(), w);
        return w.address();
    }

    public static TestWallet key(String wallet) {
        TestWallet w = KEYS.get(wallet);
        if (w == null) {
            throw new IllegalArgumentException("not a wallet made by TestData.wallet(): " + wallet);
        }
        return w;
    }

    /** A valid cloud setup body for the wallet, as a mutable map. */
    public static Map<String, Object> setupBody(String wallet) {
        Map<String, Object> body = new TreeMap<>();
        body.put("walletAddress", wallet);
        body.put("validatorName", "orion-" + wallet.substring(wallet.length() - 6));
        body.put("website", "https://validator.example.org");
        body.put("description", "Reliable validator");
        body.put("commissionRate", "0.10");
        body.put("runMode", "cloud");
        body.put("provider", "omniphi_cloud");
        return body;
    }
}
