package network.omniphi.chain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import network.omniphi.chain.api.GrpcErrors;
import network.omniphi.chain.domain.BroadcastService;
import network.omniphi.commons.events.Topics;
import network.omniphi.proto.chain.v1.BroadcastRequest;
import network.omniphi.proto.chain.v1.BroadcastResponse;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxResponse;
import network.omniphi.proto.chain.v1.ChainService;
import network.omniphi.proto.chain.v1.Coin;
import network.omniphi.proto.chain.v1.GetValidatorInfoRequest;
import network.omniphi.proto.chain.v1.GetValidatorInfoResponse;
import network.omniphi.proto.chain.v1.SignMode;
import network.omniphi.proto.events.v1.ChainEvent;
import network.omniphi.testsupport.KafkaTopicReader;

/** chain-service against a real devnet process, with CosmJS as the wallet, PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = DevnetResource.class, restrictToAnnotatedClass = true)
class ChainDevnetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaTopicReader EVENTS = new KafkaTopicReader(Topics.CHAIN_EVENTS);

    @GrpcClient("chain-api")
    ChainService chain;

    @AfterAll
    static void closeReader() {
        EVENTS.close();
    }

    @Test
    void cosmJsSignedTxCreatesABondedValidatorThatCanBeJailed() throws Exception {
        TestWallet wallet = TestWallet.vectorWallet();
        String setup = UUID.randomUUID().toString();
        String key = TestWallet.randomConsensusKey();
        BuildCreateValidatorTxResponse built = build(request(wallet, setup, key).build());

        assertThat(built.getPreflight().getChainId()).isEqualTo("omniphi-devnet-1");
        assertThat(built.getPreflight().getMinCommissionRate()).isEqualTo("0.050000000000000000");
        assertThat(built.getPreflight().getNodeSync().getChecked()).isTrue();
        assertThat(built.getPreflight().getNodeSync().getInSync()).isTrue();
        assertThat(built.getPreflight().getActiveSet().getEntersActiveSet()).isTrue();
        assertThat(built.getPreflight().getWarningsList()).anyMatch(w -> w.contains("never be changed"));
        assertThat(built.getFee().getAmount()).isNotEqualTo("0");

        byte[] tx = wallet.sign(built, false, null);
        BroadcastResponse sent = broadcast(setup, wallet, key, tx);

        assertThat(sent.getCode()).isZero();
        assertThat(sent.getTxHash()).isEqualTo(BroadcastService.txHash(tx));
        awaitEvents(setup, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_CONFIRMED,
                ChainEvent.PayloadCase.BONDED);
        GetValidatorInfoResponse info = info(wallet.address());
        assertThat(info.getIsActiveValidator()).isTrue();
        assertThat(info.getVotingPower()).isEqualTo(2);
        assertThat(info.getOperatorAddress()).isEqualTo(built.getOperatorAddress());

        refusedWith(() -> build(request(wallet, UUID.randomUUID().toString(), TestWallet.randomConsensusKey())
                .build()), Status.Code.ALREADY_EXISTS, "VALIDATOR_EXISTS");
        TestWallet other = funded();
        refusedWith(() -> build(request(other, UUID.randomUUID().toString(), key).build()),
                Status.Code.ALREADY_EXISTS, "CONSENSUS_KEY_TAKEN");

        TestWallet.post(DevnetResource.rpcUrl + "/admin/jail",
                "{\"validatorAddress\":\"" + built.getOperatorAddress() + "\"}");
        awaitEvents(setup, ChainEvent.PayloadCase.JAILED);
        assertThat(info(wallet.address()).getJailed()).isTrue();
    }

    @Test
    void theSameTxBroadcastTwiceAnswersOneHashAndTheValidatorBonds() throws Exception {
        TestWallet wallet = funded();
        String setup = UUID.randomUUID().toString();
        String key = TestWallet.randomConsensusKey();
        BuildCreateValidatorTxResponse built = build(request(wallet, setup, key).build());
        byte[] tx = wallet.walletSign(built.getSignDoc(), "", false);

        BroadcastResponse first = broadcast(setup, wallet, key, tx);
        BroadcastResponse second = broadcast(setup, wallet, key, tx);
        awaitEvents(setup, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_CONFIRMED,
                ChainEvent.PayloadCase.BONDED);
        BroadcastResponse third = broadcast(setup, wallet, key, tx);

        assertThat(List.of(first.getTxHash(), second.getTxHash(), third.getTxHash()))
                .containsOnly(BroadcastService.txHash(tx));
        assertThat(List.of(first.getCode(), second.getCode(), third.getCode())).containsOnly(0);
        assertThat(EVENTS.recordsWithKey(setup).stream().map(r -> parse(r.value()).getPayloadCase())
                .filter(c -> c == ChainEvent.PayloadCase.TX_SUBMITTED)).hasSize(1);
        assertThat(built.getSignDoc().getBodyBytes().toByteArray()).isNotEmpty();
        assertThat(info(wallet.address()).getIsActiveValidator()).isTrue();
    }

    @Test
    void theNodeAnsweringTxInCacheIsTrackedNotRefused() throws Exception {
        TestWallet wallet = funded();
        String setup = UUID.randomUUID().toString();
        String key = TestWallet.randomConsensusKey();
        BuildCreateValidatorTxResponse built = build(request(wallet, setup, key).build());
        byte[] tx = wallet.walletSign(built.getSignDoc(), "", false);
        // the wallet (or another client) already sent it straight to the node: CheckTx answers sdk 19 to us
        io.grpc.ManagedChannel channel = io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1",
                DevnetResource.grpcPort).usePlaintext().build();
        try {
            var direct = cosmos.tx.v1beta1.ServiceGrpc.newBlockingStub(channel)
                    .broadcastTx(cosmos.tx.v1beta1.BroadcastTxRequest.newBuilder().setTxBytes(ByteString.copyFrom(tx))
                            .setMode(cosmos.tx.v1beta1.BroadcastMode.BROADCAST_MODE_SYNC).build());
            assertThat(direct.getTxResponse().getCode()).isZero();
        } finally {
            channel.shutdownNow();
        }

        BroadcastResponse sent = broadcast(setup, wallet, key, tx);

        assertThat(sent.getCode()).isZero();
        assertThat(sent.getTxHash()).isEqualTo(BroadcastService.txHash(tx));
        awaitEvents(setup, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_CONFIRMED,
                ChainEvent.PayloadCase.BONDED);
    }

    @Test
    void builtTxCarriesATimeoutHeightAheadOfTheChain() throws Exception {
        TestWallet wallet = funded();
        BuildCreateValidatorTxResponse built = build(request(wallet, UUID.randomUUID().toString(),
                TestWallet.randomConsensusKey()).setSignMode(SignMode.SIGN_MODE_AMINO).build());
        long timeout = cosmos.tx.v1beta1.TxBody.parseFrom(built.getSignDoc().getBodyBytes()).getTimeoutHeight();

        assertThat(timeout).isGreaterThan(built.getPreflight().getNodeSync().getChainHeight());
        assertThat(built.getAminoSignDoc()).contains("\"timeout_height\":\"" + timeout + "\"");
    }

    @Test
    void aVestingAccountCreatesAValidatorWithLockedCoinsAndPaysTheFeeFromSpendable() throws Exception {
        TestWallet vesting = TestWallet.vestingWallet();
        assertThat(vesting.address()).isEqualTo(DevnetResource.VESTING_WALLET);
        String setup = UUID.randomUUID().toString();
        String key = TestWallet.randomConsensusKey();
        // self-delegation from coins that are all still vesting: allowed, but nothing is spendable for the fee
        BuildCreateValidatorTxRequest request = request(vesting, setup, key)
                .setSelfDelegation(Coin.newBuilder().setDenom("omniphi").setAmount("20000000")).build();
        var locked = refusedWith(() -> build(request), Status.Code.FAILED_PRECONDITION, "INSUFFICIENT_BALANCE");
        assertThat(locked.getStatus().getDescription()).contains("spendable balance 0omniphi");

        vesting.fund(DevnetResource.rpcUrl, 1_000_000);
        BuildCreateValidatorTxResponse built = build(request);
        byte[] tx = vesting.walletSign(built.getSignDoc(), built.getAminoSignDoc(), false);

        assertThat(broadcast(setup, vesting, key, tx).getCode()).isZero();
        awaitEvents(setup, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_CONFIRMED,
                ChainEvent.PayloadCase.BONDED);
        assertThat(info(vesting.address()).getTokens()).isEqualTo("20000000");
    }

    @Test
    void aminoSignedTxIsAcceptedAndAReplayedSequenceIsRefused() throws Exception {
        TestWallet wallet = funded();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstKey = TestWallet.randomConsensusKey();
        String secondKey = TestWallet.randomConsensusKey();
        BuildCreateValidatorTxResponse amino = build(request(wallet, first, firstKey)
                .setSignMode(SignMode.SIGN_MODE_AMINO).build());
        BuildCreateValidatorTxResponse direct = build(request(wallet, second, secondKey).build());

        assertThat(amino.getAminoSignDoc()).contains("\"type\":\"cosmos-sdk/MsgCreateValidator\"")
                .contains("\\u0026").contains("\\u003c");
        assertThat(broadcast(first, wallet, firstKey, wallet.sign(amino, true, null)).getCode()).isZero();
        awaitEvents(first, ChainEvent.PayloadCase.TX_SUBMITTED, ChainEvent.PayloadCase.TX_CONFIRMED);

        byte[] replay = wallet.sign(direct, false, null);
        refusedWith(() -> broadcast(second, wallet, secondKey, replay), Status.Code.ABORTED, "SEQUENCE_MISMATCH");
    }

    @Test
    void wrongChainIdAndCorruptedSignatureAreRefused() throws Exception {
        TestWallet wallet = funded();
        String setup = UUID.randomUUID().toString();
        String key = TestWallet.randomConsensusKey();
        BuildCreateValidatorTxResponse built = build(request(wallet, setup, key).build());

        byte[] wrongChain = wallet.sign(built, false, "omniphi-mainnet-1");
        byte[] corrupted = wallet.sign(built, false, null);
        corrupted[corrupted.length - 5] ^= 0x01;

        refusedWith(() -> broadcast(setup, wallet, key, wrongChain), Status.Code.FAILED_PRECONDITION,
                "SIGNATURE_INVALID");
        refusedWith(() -> broadcast(setup, wallet, key, corrupted), Status.Code.FAILED_PRECONDITION,
                "SIGNATURE_INVALID");
    }

    @Test
    void rulesAreCheckedBeforeAnythingIsSigned() throws Exception {
        TestWallet wallet = funded();
        String key = TestWallet.randomConsensusKey();
        TestWallet poor = TestWallet.random();
        poor.fund(DevnetResource.rpcUrl, 1_000);

        var tooHigh = refusedWith(() -> build(request(wallet, "s1", key).setCommissionRate("0.5").build()),
                Status.Code.INVALID_ARGUMENT, "INVALID_INPUT");
        var longMoniker = refusedWith(() -> build(request(wallet, "s2", key).setMoniker("m".repeat(71)).build()),
                Status.Code.INVALID_ARGUMENT, "INVALID_INPUT");
        refusedWith(() -> build(request(wallet, "s3", key)
                .setSelfDelegation(Coin.newBuilder().setDenom("uatom").setAmount("2000000")).build()),
                Status.Code.FAILED_PRECONDITION, "WRONG_DENOM");
        refusedWith(() -> build(request(poor, "s4", key).build()), Status.Code.FAILED_PRECONDITION,
                "INSUFFICIENT_BALANCE");

        assertThat(tooHigh.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("commissionRate");
        assertThat(longMoniker.getTrailers().get(GrpcErrors.FIELD)).isEqualTo("moniker");
    }

    @Test
    void aNodeEndpointOutsideTheAllowListIsNeverFetched() throws Exception {
        TestWallet wallet = funded();
        String key = TestWallet.randomConsensusKey();
        for (String endpoint : List.of("http://169.254.169.254/latest/meta-data", "file:///etc/passwd",
                "http://user:secret@127.0.0.1:26657", "http://93.184.216.34:26657")) {
            var refused = refusedWith(() -> build(request(wallet, UUID.randomUUID().toString(), key)
                    .setNodeRpcEndpoint(endpoint).build()), Status.Code.INVALID_ARGUMENT, "INVALID_INPUT");
            assertThat(refused.getTrailers().get(GrpcErrors.FIELD)).as(endpoint).isEqualTo("nodeRpcEndpoint");
        }
    }

    private static TestWallet funded() throws Exception {
        TestWallet wallet = TestWallet.random();
        wallet.fund(DevnetResource.rpcUrl, 100_000_000);
        return wallet;
    }

    private static BuildCreateValidatorTxRequest.Builder request(TestWallet wallet, String setup, String key) {
        return BuildCreateValidatorTxRequest.newBuilder().setSetupRequestId(setup)
                .setWalletAddress(wallet.address()).setSignerPubkey(ByteString.copyFrom(wallet.pubkey()))
                .setMoniker("Tom & Jerry <e2e>").setWebsite("https://example.com/?a=1&b=2").setDetails("")
                .setCommissionRate("0.1").setMaxRate("0.2").setMaxChangeRate("0.01").setMinSelfDelegation("1")
                .setSelfDelegation(Coin.newBuilder().setDenom("omniphi").setAmount("2000000"))
                .setConsensusPubkey(key).setNodeRpcEndpoint(DevnetResource.rpcUrl)
                .setSignMode(SignMode.SIGN_MODE_DIRECT);
    }

    private BuildCreateValidatorTxResponse build(BuildCreateValidatorTxRequest request) {
        return chain.buildCreateValidatorTx(request).await().atMost(TIMEOUT);
    }

    private BroadcastResponse broadcast(String setup, TestWallet wallet, String key, byte[] tx) {
        return chain.broadcast(BroadcastRequest.newBuilder().setSetupRequestId(setup)
                .setWalletAddress(wallet.address()).setConsensusPubkey(key).setTxBytes(ByteString.copyFrom(tx))
                .build()).await().atMost(TIMEOUT);
    }

    private GetValidatorInfoResponse info(String wallet) {
        return chain.getValidatorInfo(GetValidatorInfoRequest.newBuilder().setWalletAddress(wallet).build())
                .await().atMost(TIMEOUT);
    }

    private static StatusRuntimeException refusedWith(Runnable call, Status.Code status, String code) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).as("expected a gRPC error " + code).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(status);
        assertThat(e.getTrailers().get(GrpcErrors.CODE)).isEqualTo(code);
        assertThat(e.getStatus().getDescription()).startsWith(code + ": ");
        return e;
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
