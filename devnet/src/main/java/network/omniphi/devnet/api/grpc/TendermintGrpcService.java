package network.omniphi.devnet.api.grpc;

import com.google.protobuf.ByteString;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import network.omniphi.devnet.api.NodeIdentity;
import network.omniphi.devnet.domain.Addresses;
import network.omniphi.devnet.domain.Block;
import network.omniphi.devnet.domain.ChainEngine;

import cosmos.base.tendermint.v1beta1.GetLatestBlockRequest;
import cosmos.base.tendermint.v1beta1.GetLatestBlockResponse;
import cosmos.base.tendermint.v1beta1.GetNodeInfoRequest;
import cosmos.base.tendermint.v1beta1.GetNodeInfoResponse;
import cosmos.base.tendermint.v1beta1.MutinyServiceGrpc;
import cosmos.base.tendermint.v1beta1.VersionInfo;
import tendermint.p2p.DefaultNodeInfo;
import tendermint.p2p.DefaultNodeInfoOther;
import tendermint.p2p.ProtocolVersion;
import tendermint.types.BlockID;
import tendermint.types.Data;
import tendermint.types.PartSetHeader;
import tendermint.version.Consensus;

/** cosmos.base.tendermint.v1beta1.Service: GetLatestBlock (sdk_block and legacy block) and GetNodeInfo. */
@GrpcService
public class TendermintGrpcService extends MutinyServiceGrpc.ServiceImplBase {

    private static final long BLOCK_PROTOCOL = 11;
    private static final long P2P_PROTOCOL = 8;

    private final ChainEngine engine;
    private final NodeIdentity node;

    public TendermintGrpcService(ChainEngine engine, NodeIdentity node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public Uni<GetLatestBlockResponse> getLatestBlock(GetLatestBlockRequest request) {
        return Uni.createFrom().item(() -> {
            Block block = engine.latestBlock();
            Data data = Data.newBuilder().addAllTxs(block.txs().stream().map(ByteString::copyFrom).toList()).build();
            return GetLatestBlockResponse.newBuilder().setBlockId(blockId(block.hash()))
                    .setBlock(tendermint.types.Block.newBuilder().setHeader(header(block)).setData(data))
                    .setSdkBlock(cosmos.base.tendermint.v1beta1.Block.newBuilder().setHeader(sdkHeader(block))
                            .setData(data))
                    .build();
        });
    }

    @Override
    public Uni<GetNodeInfoResponse> getNodeInfo(GetNodeInfoRequest request) {
        return Uni.createFrom().item(() -> GetNodeInfoResponse.newBuilder()
                .setDefaultNodeInfo(DefaultNodeInfo.newBuilder()
                        .setProtocolVersion(ProtocolVersion.newBuilder().setP2P(P2P_PROTOCOL).setBlock(BLOCK_PROTOCOL))
                        .setDefaultNodeId(node.nodeId()).setListenAddr(NodeIdentity.P2P_LISTEN_ADDRESS)
                        .setNetwork(engine.params().chainId()).setVersion(NodeIdentity.COMETBFT_VERSION)
                        .setMoniker(node.moniker())
                        .setOther(DefaultNodeInfoOther.newBuilder().setTxIndex("on")))
                .setApplicationVersion(VersionInfo.newBuilder().setName("omniphi-devnet")
                        .setAppName("omniphi-devnet").setVersion(NodeIdentity.APP_VERSION)
                        .setCosmosSdkVersion("v0.50-compatible (devnet simulator)"))
                .build());
    }

    private static BlockID blockId(byte[] hash) {
        return BlockID.newBuilder().setHash(ByteString.copyFrom(hash))
                .setPartSetHeader(PartSetHeader.newBuilder().setTotal(1).setHash(ByteString.copyFrom(hash))).build();
    }

    private static tendermint.types.Header header(Block b) {
        tendermint.types.Header.Builder h = tendermint.types.Header.newBuilder()
                .setVersion(Consensus.newBuilder().setBlock(BLOCK_PROTOCOL)).setChainId(b.chainId())
                .setHeight(b.height()).setTime(ProtoMapper.timestamp(b.time()))
                .setDataHash(ByteString.copyFrom(b.dataHash())).setAppHash(ByteString.copyFrom(b.appHash()))
                .setProposerAddress(ByteString.copyFrom(b.proposer()));
        if (b.previousHash().length > 0) {
            h.setLastBlockId(blockId(b.previousHash()));
        }
        return h.build();
    }

    private static cosmos.base.tendermint.v1beta1.Header sdkHeader(Block b) {
        cosmos.base.tendermint.v1beta1.Header.Builder h = cosmos.base.tendermint.v1beta1.Header.newBuilder()
                .setVersion(Consensus.newBuilder().setBlock(BLOCK_PROTOCOL)).setChainId(b.chainId())
                .setHeight(b.height()).setTime(ProtoMapper.timestamp(b.time()))
                .setDataHash(ByteString.copyFrom(b.dataHash())).setAppHash(ByteString.copyFrom(b.appHash()))
                .setProposerAddress(Addresses.consensus(b.proposer()));
        if (b.previousHash().length > 0) {
            h.setLastBlockId(blockId(b.previousHash()));
        }
        return h.build();
    }
}
