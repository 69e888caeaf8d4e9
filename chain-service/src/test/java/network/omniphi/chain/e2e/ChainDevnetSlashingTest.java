package network.omniphi.chain.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import network.omniphi.chain.api.GrpcErrors;
import network.omniphi.commons.events.Topics;
import network.omniphi.proto.chain.v1.BroadcastRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxRequest;
import network.omniphi.proto.chain.v1.BuildCreateValidatorTxResponse;
import network.omniphi.proto.chain.v1.BuildUnjailTxRequest;
import network.omniphi.proto.chain.v1.BuildUnjailTxResponse;
import network.omniphi.proto.chain.v1.ChainService;
import network.omniphi.proto.chain.v1.Coin;
import network.omniphi.proto.chain.v1.GetValidatorInfoRequest;
import network.omniphi.proto.chain.v1.JailBudget;
import network.omniphi.proto.chain.v1.SignMode;
import network.omniphi.proto.events.v1.ChainEvent;
import network.omniphi.testsupport.KafkaTopicReader;

/**
 * x/slashing on a real devnet process with liveness on (window 20 blocks, at least half signed, 3 s jail): a
 * validator whose node does not vote eats its missed-block budget and is jailed; once its "node" votes again and the
 * jail period is over, CosmJS-signed MsgUnjail txs (amino, then direct after a second jail) bring it back.
 */
@QuarkusTest
@QuarkusTestResource(value = DevnetResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "devnet.slashing.liveness", value = "votes"),
        @ResourceArg(name = "devnet.slashing.signed-blocks-window", value = "20"),
        @ResourceArg(name = "devnet.slashing.min-signed-per-window", value = "0.5"),
        @ResourceArg(name = "devnet.slashing.downtime-jail-duration", value = "PT3S")})
class ChainDevnetSlashingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final KafkaTopicReader EVENTS = new KafkaTopicReader(Topics.CHAIN_EVENTS);
    private static final Pattern HEIGHT = Pattern.compile("\"latest_block_height\":\"(\\d+)\"");

    @GrpcClient("chain-api")
    ChainService chain;

    @AfterAll
    static void closeReader() {
        EVENTS.close();
    }

    @Test
    void missedBlocksShrinkTheBudgetJailTheValidatorAndMsgUnjailBringsItBack() throws Exception {
        TestWallet wallet = TestWallet.random();
        wallet.fund(DevnetResource.rpcUrl, 100_000_000);
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Ed25519PrivateKeyParameters consensus = new Ed25519PrivateKeyParameters(seed, 0);
        String key = Base64.getEncoder().encodeToString(consensus.generatePublicKey().getEncoded());
        String setup = UUID.randomUUID().toString();
        BuildCreateValidatorTxResponse built = chain.buildCreateValidatorTx(BuildCreateValidatorTxRequest
                .newBuilder().setSetupRequestId(setup).setWalletAddress(wallet.address())
                .setSignerPubkey(ByteString.copyFrom(wallet.pubkey())).setMoniker("slashing").setCommissionRate("0.1")
                .setMaxRate("0.2").setMaxChangeRate("0.01").setMinSelfDelegation("1")
                .setSelfDelegation(Coin.newBuilder().setDenom("omniphi").setAmount("2000000"))
                .setConsensusPubkey(key).setSignMode(SignMode.SIGN_MODE_DIRECT).build()).await().atMost(TIMEOUT);
        broadcast(setup, wallet, wallet.walletSign(built.getSignDoc(), "", false));
        awaitEvents(setup, ChainEvent.PayloadCase.BONDED);

        refusedWith(() -> unjail(setup, wallet, SignMode.SIGN_MODE_DIRECT), Status.Code.ABORTED,
                "VALIDATOR_NOT_JAILED");
        // its node is stopped (nobody votes): the budget shrinks block by block
        JailBudget early = await().atMost(TIMEOUT).until(() -> budget(wallet), b -> b.getMissedBlocks() >= 2);
        JailBudget later = await().atMost(TIMEOUT).until(() -> budget(wallet),
                b -> b.getMissedBlocks() > early.getMissedBlocks() + 2 || b.getJailedUntil().length() > 0);
        assertThat(early.getMaxMissedBlocks()).isEqualTo(10);
        assertThat(early.getSignedBlocksWindow()).isEqualTo(20);
        // misses left = max missed - missed (x/slashing jails once missed exceeds max missed)
        assertThat(early.getMissesLeft()).isEqualTo(Math.max(0, 10 - early.getMissedBlocks()));
        assertThat(later.getMissedBlocks() > early.getMissedBlocks() || !later.getJailedUntil().isEmpty()).isTrue();
        assertThat(early.getUsedPercent()).isEqualTo((int) (early.getMissedBlocks() * 100 / 10));
        awaitEvents(setup, ChainEvent.PayloadCase.BONDED, ChainEvent.PayloadCase.JAILED);

        ScheduledExecutorService node = Executors.newSingleThreadScheduledExecutor();
        try {
            node.scheduleWithFixedDelay(() -> vote(consensus), 0, 150, TimeUnit.MILLISECONDS);
            BuildUnjailTxResponse amino = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .ignoreException(StatusRuntimeException.class)
                    .until(() -> unjail(setup, wallet, SignMode.SIGN_MODE_AMINO), r -> true);
            assertThat(amino.getAminoSignDoc()).contains("\"type\":\"cosmos-sdk/MsgUnjail\"")
                    .contains("\"address\":\"" + built.getOperatorAddress() + "\"");
            assertThat(amino.getJailBudget().getJailedUntil()).isNotEmpty();
            broadcast(setup, wallet, wallet.walletSign(amino.getSignDoc(), amino.getAminoSignDoc(), true));
            awaitEvents(setup, ChainEvent.PayloadCase.JAILED, ChainEvent.PayloadCase.UNJAILED);
            assertThat(chain.getValidatorInfo(GetValidatorInfoRequest.newBuilder().setWalletAddress(wallet.address())
                    .build()).await().atMost(TIMEOUT).getJailed()).isFalse();

            TestWallet.post(DevnetResource.rpcUrl + "/admin/jail",
                    "{\"validatorAddress\":\"" + built.getOperatorAddress() + "\"}");
            awaitEvents(setup, ChainEvent.PayloadCase.UNJAILED, ChainEvent.PayloadCase.JAILED);
            var tooEarly = catchThrowableOfType(StatusRuntimeException.class,
                    () -> unjail(setup, wallet, SignMode.SIGN_MODE_DIRECT));
            if (tooEarly != null) {
                assertThat(tooEarly.getTrailers().get(GrpcErrors.CODE)).isEqualTo("STILL_JAILED");
            }
            BuildUnjailTxResponse direct = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .ignoreException(StatusRuntimeException.class)
                    .until(() -> unjail(setup, wallet, SignMode.SIGN_MODE_DIRECT), r -> true);
            broadcast(setup, wallet, wallet.walletSign(direct.getSignDoc(), "", false));
            awaitEvents(setup, ChainEvent.PayloadCase.JAILED, ChainEvent.PayloadCase.UNJAILED,
                    ChainEvent.PayloadCase.JAILED, ChainEvent.PayloadCase.UNJAILED);
        } finally {
            node.shutdownNow();
        }
    }

    private JailBudget budget(TestWallet wallet) {
        var info = chain.getValidatorInfo(GetValidatorInfoRequest.newBuilder().setWalletAddress(wallet.address())
                .build()).await().atMost(TIMEOUT);
        assertThat(info.hasJailBudget()).isTrue();
        return info.getJailBudget();
    }

    private BuildUnjailTxResponse unjail(String setup, TestWallet wallet, SignMode mode) {
        return chain.buildUnjailTx(BuildUnjailTxRequest.newBuilder().setSetupRequestId(setup)
                .setWalletAddress(wallet.address()).setSignerPubkey(ByteString.copyFrom(wallet.pubkey()))
                .setNodeRpcEndpoint(DevnetResource.rpcUrl).setSignMode(mode).build()).await().atMost(TIMEOUT);
    }

    private void broadcast(String setup, TestWallet wallet, byte[] tx) {
        assertThat(chain.broadcast(BroadcastRequest.newBuilder().setSetupRequestId(setup)
                .setWalletAddress(wallet.address()).setTxBytes(ByteString.copyFrom(tx)).build()).await()
                .atMost(TIMEOUT).getCode()).isZero();
    }

    /** What dev-node's Voter does: sign the latest height with the consensus key and send it. */
    private static void vote(Ed25519PrivateKeyParameters key) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String status = http.send(HttpRequest.newBuilder(URI.create(DevnetResource.rpcUrl + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEIGHT.matcher(status);
            if (!m.find()) {
                return;
            }
            byte[] message = ("omniphi-devnet/vote/v1/omniphi-devnet-1/" + m.group(1))
                    .getBytes(StandardCharsets.UTF_8);
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(message, 0, message.length);
            String body = "{\"pubKey\":\"" + Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded())
                    + "\",\"height\":\"" + m.group(1) + "\",\"signature\":\""
                    + Base64.getEncoder().encodeToString(signer.generateSignature()) + "\"}";
            TestWallet.post(DevnetResource.rpcUrl + "/consensus/vote", body);
        } catch (Exception e) {
            // a missed vote is a missed block, as for a real node
        }
    }

    private static StatusRuntimeException refusedWith(Runnable call, Status.Code status, String code) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).as("expected a gRPC error " + code).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(status);
        assertThat(e.getTrailers().get(GrpcErrors.CODE)).isEqualTo(code);
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
