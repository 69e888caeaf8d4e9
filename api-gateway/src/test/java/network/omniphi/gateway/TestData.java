package network.omniphi.gateway;

import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

import network.omniphi.commons.cosmos.Bech32;

/** Test inputs: fresh wallets and valid setup bodies. */
public final class TestData {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestData() {
    }

    public static String wallet() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Bech32.encode("omni", bytes);
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
