package network.omniphi.devnet.api.rpc;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import network.omniphi.devnet.api.NodeIdentity;
import network.omniphi.devnet.domain.Block;
import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.crypto.Ed25519;
import network.omniphi.devnet.domain.state.BondStatus;
import network.omniphi.devnet.domain.state.Validator;

/** The CometBFT RPC subset: {@code /status}, {@code /block}, {@code /health}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RpcResource {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String CHANNELS = "40202122233038606100";

    private final ChainEngine engine;
    private final NodeIdentity node;

    public RpcResource(ChainEngine engine, NodeIdentity node) {
        this.engine = engine;
        this.node = node;
    }

    @GET
    @Path("health")
    public Map<String, Object> health() {
        return RpcJson.result(Map.of());
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        Block latest = engine.latestBlock();
        Block earliest = engine.block(engine.earliestHeight()).orElse(latest);
        Map<String, Object> nodeInfo = RpcJson.object(
                "protocol_version", RpcJson.object("p2p", "8", "block", "11", "app", "0"),
                "id", node.nodeId(), "listen_addr", NodeIdentity.P2P_LISTEN_ADDRESS,
                "network", engine.params().chainId(), "version", NodeIdentity.COMETBFT_VERSION,
                "channels", CHANNELS, "moniker", node.moniker(),
                "other", RpcJson.object("tx_index", "on", "rpc_address", "tcp://0.0.0.0:26657"));
        Map<String, Object> syncInfo = RpcJson.object(
                "latest_block_hash", HEX.formatHex(latest.hash()), "latest_app_hash", HEX.formatHex(latest.appHash()),
                "latest_block_height", Long.toString(latest.height()), "latest_block_time", latest.time().toString(),
                "earliest_block_hash", HEX.formatHex(earliest.hash()),
                "earliest_app_hash", HEX.formatHex(earliest.appHash()),
                "earliest_block_height", Long.toString(earliest.height()),
                "earliest_block_time", earliest.time().toString(), "catching_up", false);
        return RpcJson.result(RpcJson.object("node_info", nodeInfo, "sync_info", syncInfo,
                "validator_info", validatorInfo()));
    }

    @GET
    @Path("block")
    public Response block(@QueryParam("height") String height) {
        Optional<Block> block;
        if (height == null || height.isBlank()) {
            block = Optional.of(engine.latestBlock());
        } else if (!height.matches("[0-9]{1,18}")) {
            return RpcJson.error(Response.Status.BAD_REQUEST, RpcJson.INVALID_PARAMS, "Invalid params",
                    "height must be a positive integer, got '" + height + "'");
        } else {
            block = engine.block(Long.parseLong(height));
        }
        if (block.isEmpty()) {
            long latest = engine.latestBlock().height();
            return RpcJson.error(Response.Status.INTERNAL_SERVER_ERROR, RpcJson.INTERNAL_ERROR, "Internal error",
                    "height " + height + " is not available; lowest height is " + engine.earliestHeight()
                            + ", current blockchain height is " + latest);
        }
        return Response.ok(RpcJson.result(blockJson(block.get()))).build();
    }

    private Map<String, Object> validatorInfo() {
        Validator v = engine.validator(engine.nodeValidator().operator()).orElse(engine.nodeValidator());
        long power = v.status() == BondStatus.BONDED ? v.power() : 0;
        return RpcJson.object("address", HEX.formatHex(Ed25519.consensusAddress(v.consensusKey())),
                "pub_key", RpcJson.object("type", "tendermint/PubKeyEd25519", "value",
                        Base64.getEncoder().encodeToString(v.consensusKey())),
                "voting_power", Long.toString(power));
    }

    private static Map<String, Object> blockJson(Block b) {
        Map<String, Object> blockId = blockId(b.hash());
        Map<String, Object> header = RpcJson.object("version", RpcJson.object("block", "11", "app", "0"),
                "chain_id", b.chainId(), "height", Long.toString(b.height()), "time", b.time().toString(),
                "last_block_id", blockId(b.previousHash()), "data_hash", HEX.formatHex(b.dataHash()),
                "app_hash", HEX.formatHex(b.appHash()), "proposer_address", HEX.formatHex(b.proposer()));
        Map<String, Object> data = RpcJson.object("txs",
                b.txs().stream().map(tx -> Base64.getEncoder().encodeToString(tx)).toList());
        return RpcJson.object("block_id", blockId, "block", RpcJson.object("header", header, "data", data,
                "evidence", RpcJson.object("evidence", java.util.List.of())));
    }

    private static Map<String, Object> blockId(byte[] hash) {
        String hex = HEX.formatHex(hash);
        return RpcJson.object("hash", hex, "parts", RpcJson.object("total", hash.length == 0 ? 0 : 1, "hash", hex));
    }
}
