package network.omniphi.devnet.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import jakarta.inject.Singleton;

import network.omniphi.devnet.config.DevnetConfig;
import network.omniphi.devnet.domain.crypto.Hashes;

/** What this node reports about itself in /status and GetNodeInfo. */
@Singleton
public class NodeIdentity {

    public static final String P2P_LISTEN_ADDRESS = "tcp://0.0.0.0:26656";
    public static final String COMETBFT_VERSION = "0.38.17";
    public static final String APP_VERSION = "0.1.0";

    private final String moniker;
    private final String nodeId;

    public NodeIdentity(DevnetConfig config) {
        this.moniker = config.moniker();
        byte[] digest = Hashes.sha256(("omniphi-devnet/node/" + config.chainId() + "/" + config.moniker())
                .getBytes(StandardCharsets.UTF_8));
        this.nodeId = HexFormat.of().formatHex(Arrays.copyOf(digest, 20));
    }

    public String moniker() {
        return moniker;
    }

    /** CometBFT node id: 40 lower-case hex characters. */
    public String nodeId() {
        return nodeId;
    }
}
