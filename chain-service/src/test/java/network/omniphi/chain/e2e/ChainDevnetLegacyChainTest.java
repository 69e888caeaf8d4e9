package network.omniphi.chain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import network.omniphi.commons.events.Topics;
import network.omniphi.proto.chain.v1.BroadcastRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxResponse;
import network.omniphi.proto.chain.v1.ChainService;
import network.omniphi.proto.chain.v1.Coin;
import network.omniphi.proto.chain.v1.SignMode;
import network.omniphi.proto.events.v1.ChainEvent;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * A chain like many public ones: an x/tx older than v0.13.6 (LegacyDec in amino JSON as the integer string) behind a
 * node with {@code tx_index.indexer = "null"}. CosmJS wallets sign in both modes; tracking settles without GetTx.
 */
@QuarkusTest
@QuarkusTestResource(value = DevnetResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "devnet.amino-legacy-dec", value = "integer"),
        @ResourceArg(name = "devnet.tx-index", value = "null"),
        @ResourceArg(name = "omniphi.chain.amino-legacy-dec", value = "integer")})
class ChainDevnetLegacyChainTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaTopicReader EVENTS = new KafkaTopicReader(Topics.CHAIN_EVENTS);

    @GrpcClient("chain-api")
    ChainService chain;

    @AfterAll
    static void closeReader() {
        EVENTS.close();
    }

    @Test
    void aminoSignedTxWithIntegerLegacyDecBondsAndTrackingSettlesWithoutIndex() throws Exception {
        TestWallet wallet = funded();
        String setup = UUID.randomUUID().toString();
        BuildCreateValidatorTxResponse built = build(wallet, setup, SignMode.SIGN_MODE_AMINO);

        assertThat(built.getAminoSignDoc()).contains("\"rate\":\"100000000000000000\"")
                .doesNotContain("0.100000000000000000");
        byte[] tx = wallet.walletSign(built.getSignDoc(), built.getAminoSignDoc(), true);

        assertThat(broadcast(setup, wallet, built, tx).getCode()).isZero();
        awaitEvents(setup, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_CONFIRMED,
                ChainEvent.PayloadCase.BONDED);
    }

    @Test
    void directSignedTxBondsAndTrackingSettlesWithoutIndex() throws Exception {
        TestWallet wallet = funded();
        String setup = UUID.randomUUID().toString();
        BuildCreateValidatorTxResponse built = build(wallet, setup, SignMode.SIGN_MODE_DIRECT);
        byte[] tx = wallet.walletSign(built.getSignDoc(), "", false);

        assertThat(broadcast(setup, wallet, built, tx).getCode()).isZero();
        awaitEvents(setup, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_CONFIRMED,
                ChainEvent.PayloadCase.BONDED);
    }

    @Test
    void aTxThatFailsInTheBlockIsSettledByItsSequenceWithoutIndex() throws Exception {
        TestWallet wallet = funded();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String sharedKey = TestWallet.randomConsensusKey();
        TestWallet other = funded();
        // both txs pass CheckTx; the second uses a consensus key the first takes in the same block: on SDK 0.50 the
        // msg server refuses it in the block (staking 5), the sequence is used and the fee paid
        BuildCreateValidatorTxResponse a = build(request(wallet, first, sharedKey, SignMode.SIGN_MODE_DIRECT));
        BuildCreateValidatorTxResponse b = build(request(other, second, sharedKey, SignMode.SIGN_MODE_DIRECT));
        byte[] txA = wallet.walletSign(a.getSignDoc(), "", false);
        byte[] txB = other.walletSign(b.getSignDoc(), "", false);

        assertThat(broadcast(first, wallet, a, txA).getCode()).isZero();
        assertThat(broadcast(second, other, b, txB).getCode()).isZero();

        awaitEvents(first, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_CONFIRMED);
        awaitEvents(second, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_FAILED);
        ChainEvent failed = EVENTS.recordsWithKey(second).stream().map(r -> parse(r.value()))
                .filter(e -> e.getPayloadCase() == ChainEvent.PayloadCase.TX_FAILED).findFirst().orElseThrow();
        assertThat(failed.getTxFailed().getErrorCode()).isEqualTo("TX_FAILED_IN_BLOCK");
    }

    private static TestWallet funded() throws Exception {
        TestWallet wallet = TestWallet.random();
        wallet.fund(DevnetResource.rpcUrl, 100_000_000);
        return wallet;
    }

    private static BuildCreateValidatorTxRequest request(TestWallet wallet, String setup, String key, SignMode mode) {
        return BuildCreateValidatorTxRequest.newBuilder().setSetupRequestId(setup)
                .setWalletAddress(wallet.address()).setSignerPubkey(ByteString.copyFrom(wallet.pubkey()))
                .setMoniker("Legacy & <chain>").setCommissionRate("0.1").setMaxRate("0.2").setMaxChangeRate("0.01")
                .setMinSelfDelegation("1").setSelfDelegation(Coin.newBuilder().setDenom("omniphi").setAmount("2000000"))
                .setConsensusPubkey(key).setNodeRpcEndpoint(DevnetResource.rpcUrl).setSignMode(mode).build();
    }

    private BuildCreateValidatorTxResponse build(TestWallet wallet, String setup, SignMode mode) {
        return build(request(wallet, setup, TestWallet.randomConsensusKey(), mode));
    }

    private BuildCreateValidatorTxResponse build(BuildCreateValidatorTxRequest request) {
        return chain.buildCreateValidatorTx(request).await().atMost(TIMEOUT);
    }

    private network.omniphi.proto.chain.v1.BroadcastResponse broadcast(String setup, TestWallet wallet,
            BuildCreateValidatorTxResponse built, byte[] tx) {
        try {
            return chain.broadcast(BroadcastRequest.newBuilder().setSetupRequestId(setup)
                    .setWalletAddress(wallet.address()).setTxBytes(ByteString.copyFrom(tx)).build())
                    .await().atMost(TIMEOUT);
        } catch (StatusRuntimeException e) {
            throw new AssertionError("broadcast refused: " + e.getStatus() + " for " + built.getAminoSignDoc(), e);
        }
    }

    private static void awaitEvents(String setup, ChainEvent.PayloadCase... expected) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                EVENTS.recordsWithKey(setup).stream().map(r -> parse(r.value()).getPayloadCase()).toList())
                .containsSubsequence(List.of(expected)));
    }

    private static ChainEvent parse(byte[] bytes) {
        try {
            return ChainEvent.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
