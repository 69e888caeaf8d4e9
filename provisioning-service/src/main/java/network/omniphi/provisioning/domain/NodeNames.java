package network.omniphi.provisioning.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that derives names and labels for a node. Names are deterministic from the setup id, so a retried
 * request always lands on the same node, and respect Kubernetes limits: DNS labels of at most 63 characters (we keep
 * the base name at 40 so suffixes such as {@code -config} and the StatefulSet pod/revision suffixes still fit) and
 * label values of at most 63 characters.
 */
public final class NodeNames {

    public static final int MAX_BASE = 40;
    public static final int MAX_LABEL_VALUE = 63;
    public static final int MAX_DNS_LABEL = 63;
    public static final int MAX_DNS_SUBDOMAIN = 253;
    public static final String PREFIX = "vn-";
    public static final String APP_NAME = "omniphi-validator-node";
    public static final String MANAGED_BY = "omniphi-provisioning";
    public static final String LABEL_SETUP_ID = "validators.omniphi.network/setup-id";
    public static final String LABEL_CHAIN_ID = "validators.omniphi.network/chain-id";

    private NodeNames() {
    }

    /** {@code vn-<setup id>} in DNS-label form; sanitised or long ids get a stable hash suffix instead. */
    public static String nodeName(String setupRequestId) {
        if (setupRequestId == null || setupRequestId.isBlank()) {
            throw new IllegalArgumentException("setup request id is required");
        }
        String clean = setupRequestId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String candidate = PREFIX + clean;
        if (candidate.equals(PREFIX + setupRequestId) && candidate.length() <= MAX_BASE
                && !candidate.endsWith("-")) {
            return candidate;
        }
        String hash = hash(setupRequestId).substring(0, 10);
        String head = clean.substring(0, Math.min(clean.length(), MAX_BASE - PREFIX.length() - hash.length() - 1));
        return trimDashes(PREFIX + head) + "-" + hash;
    }

    /** A child object's name: node name + suffix, checked against the DNS label limit. */
    public static String child(String nodeName, String suffix) {
        String name = nodeName + "-" + suffix;
        if (name.length() > MAX_DNS_LABEL) {
            throw new IllegalArgumentException("name too long for Kubernetes: " + name);
        }
        return name;
    }

    /** Labels every object of a node carries (selector-safe subset first, then identification). */
    public static Map<String, String> labels(String nodeName, String setupRequestId, String chainId) {
        Map<String, String> labels = new LinkedHashMap<>(selector(nodeName));
        labels.put("app.kubernetes.io/component", "validator");
        labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
        labels.put(LABEL_SETUP_ID, labelValue(setupRequestId));
        labels.put(LABEL_CHAIN_ID, labelValue(chainId));
        return labels;
    }

    /** The immutable labels a StatefulSet selects its pod by. */
    public static Map<String, String> selector(String nodeName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", APP_NAME);
        labels.put("app.kubernetes.io/instance", labelValue(nodeName));
        return labels;
    }

    /** A valid label value: at most 63 chars of [A-Za-z0-9-_.], starting and ending alphanumeric. */
    public static String labelValue(String raw) {
        if (raw == null) {
            return "";
        }
        String clean = raw.replaceAll("[^A-Za-z0-9._-]", "-");
        if (clean.length() > MAX_LABEL_VALUE || !clean.equals(raw)) {
            String hash = hash(raw).substring(0, 10);
            clean = clean.substring(0, Math.min(clean.length(), MAX_LABEL_VALUE - hash.length() - 1)) + "-" + hash;
        }
        return clean.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }

    private static String trimDashes(String s) {
        return s.replaceAll("-+$", "");
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
