package network.omniphi.devnet.api.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import network.omniphi.devnet.testing.CreateValidatorTx;
import network.omniphi.devnet.testing.DevnetClient;
import network.omniphi.devnet.testing.FreeGrpcPort;
import network.omniphi.devnet.testing.TestSigner;

import cosmos.auth.v1beta1.BaseAccount;
import cosmos.auth.v1beta1.QueryAccountRequest;
import cosmos.bank.v1beta1.QueryBalanceRequest;
import cosmos.base.tendermint.v1beta1.GetLatestBlockRequest;
import cosmos.base.tendermint.v1beta1.GetNodeInfoRequest;
import cosmos.staking.v1beta1.BondStatus;
import cosmos.staking.v1beta1.QueryParamsRequest;
import cosmos.staking.v1beta1.QueryValidatorRequest;
import cosmos.staking.v1beta1.QueryValidatorsRequest;
import cosmos.staking.v1beta1.Validator;
import cosmos.tx.v1beta1.BroadcastMode;
import cosmos.tx.v1beta1.BroadcastTxRequest;
import cosmos.tx.v1beta1.GetTxRequest;
import cosmos.tx.v1beta1.GetTxResponse;
import cosmos.tx.v1beta1.ServiceGrpc;
import cosmos.tx.v1beta1.SimulateRequest;

@QuarkusTest
@QuarkusTestResource(FreeGrpcPort.class)
class DevnetGrpcTest {

    private static DevnetClient client;

    @BeforeAll
    static void connect() {
        client = new DevnetClient();
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        client.close();
    }

    @Test
    void directSignedCreateValidatorIsSimulatedBroadcastIncludedAndBonded() throws Exception {
        TestSigner erin = TestSigner.named("grpc-erin");
        long number = DevnetClient.fund(erin.account(), "400000000");
        BaseAccount account = cosmos.auth.v1beta1.QueryGrpc.newBlockingStub(client.channel())
                .account(QueryAccountRequest.newBuilder().setAddress(erin.account()).build()).getAccount()
                .unpack(BaseAccount.class);
        assertThat(account.getAccountNumber()).isEqualTo(number);
        assertThat(account.getSequence()).isZero();
        CreateValidatorTx tx = CreateValidatorTx.by(erin).accountNumber(number).value("omniphi", "300000000");
        ServiceGrpc.ServiceBlockingStub txService = ServiceGrpc.newBlockingStub(client.channel());

        long gasUsed = txService.simulate(SimulateRequest.newBuilder()
                .setTxBytes(ByteString.copyFrom(tx.buildForSimulation())).build()).getGasInfo().getGasUsed();
        GetTxResponse included = broadcastAndAwait(tx.build());

        assertThat(gasUsed).isPositive();
        assertThat(included.getTxResponse().getCode()).isZero();
        assertThat(included.getTxResponse().getGasUsed()).isEqualTo(gasUsed);
        assertThat(included.getTxResponse().getHeight()).isPositive();
        Validator validator = validator(erin.operator());
        assertThat(validator.getStatus()).isEqualTo(BondStatus.BOND_STATUS_BONDED);
        assertThat(validator.getTokens()).isEqualTo("300000000");
        assertThat(validator.getCommission().getCommissionRates().getRate()).isEqualTo("100000000000000000");
        assertThat(cosmos.bank.v1beta1.QueryGrpc.newBlockingStub(client.channel())
                .balance(QueryBalanceRequest.newBuilder().setAddress(erin.account()).setDenom("omniphi").build())
                .getBalance().getAmount()).isEqualTo("99995000");
    }

    @Test
    void aminoSignedCreateValidatorIsAccepted() {
        TestSigner fred = TestSigner.named("grpc-fred");
        long number = DevnetClient.fund(fred.account(), "300000000");

        GetTxResponse included = broadcastAndAwait(CreateValidatorTx.by(fred).accountNumber(number).amino()
                .moniker("Fred & <Co>").value("omniphi", "250000000").build());

        assertThat(included.getTxResponse().getCode()).as(included.getTxResponse().getRawLog()).isZero();
        Validator validator = validator(fred.operator());
        assertThat(validator.getDescription().getMoniker()).isEqualTo("Fred & <Co>");
        assertThat(validator.getStatus()).isEqualTo(BondStatus.BOND_STATUS_BONDED);
    }

    @Test
    void refusedBroadcastAnswersWithTheCosmosCodeAndSimulateFailsWithTheRawLog() {
        TestSigner gina = TestSigner.named("grpc-gina");
        long number = DevnetClient.fund(gina.account(), "10000000");
        CreateValidatorTx wrongChain = CreateValidatorTx.by(gina).accountNumber(number).chainId("wrong-1");

        var response = ServiceGrpc.newBlockingStub(client.channel()).broadcastTx(BroadcastTxRequest.newBuilder()
                .setTxBytes(ByteString.copyFrom(wrongChain.build())).setMode(BroadcastMode.BROADCAST_MODE_SYNC)
                .build()).getTxResponse();

        assertThat(response.getCode()).isEqualTo(4);
        assertThat(response.getCodespace()).isEqualTo("sdk");
        assertThat(response.getRawLog()).contains("signature verification failed");
        assertThat(response.getTxhash()).matches("[0-9A-F]{64}");
        byte[] unknownDenom = CreateValidatorTx.by(gina).accountNumber(number).value("uatom", "5000000")
                .buildForSimulation();
        assertThatThrownBy(() -> ServiceGrpc.newBlockingStub(client.channel())
                .simulate(SimulateRequest.newBuilder().setTxBytes(ByteString.copyFrom(unknownDenom)).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
                    assertThat(e.getStatus().getDescription()).contains("invalid coin denomination");
                    assertThat(e.getTrailers().get(GrpcErrors.CODE)).isEqualTo("10");
                });
    }

    @Test
    void queriesAnswerLikeACosmosNode() {
        var staking = cosmos.staking.v1beta1.QueryGrpc.newBlockingStub(client.channel());
        var params = staking.params(QueryParamsRequest.getDefaultInstance()).getParams();
        assertThat(params.getBondDenom()).isEqualTo("omniphi");
        assertThat(params.getMaxValidators()).isEqualTo(3);
        assertThat(params.getMinCommissionRate()).isEqualTo("50000000000000000");
        assertThat(staking.validators(QueryValidatorsRequest.newBuilder().setStatus("BOND_STATUS_BONDED").build())
                .getValidatorsList()).allMatch(v -> v.getStatus() == BondStatus.BOND_STATUS_BONDED).isNotEmpty();
        assertGrpcError(() -> staking.validators(QueryValidatorsRequest.newBuilder().setStatus("BONDED").build()),
                Status.Code.INVALID_ARGUMENT);
        assertGrpcError(() -> staking.validator(QueryValidatorRequest.newBuilder()
                .setValidatorAddr(TestSigner.named("nobody").operator()).build()), Status.Code.NOT_FOUND);
        assertGrpcError(() -> cosmos.auth.v1beta1.QueryGrpc.newBlockingStub(client.channel())
                .account(QueryAccountRequest.newBuilder().setAddress(TestSigner.named("nobody").account()).build()),
                Status.Code.NOT_FOUND);
        assertGrpcError(() -> ServiceGrpc.newBlockingStub(client.channel())
                .getTx(GetTxRequest.newBuilder().setHash("AB".repeat(32)).build()), Status.Code.NOT_FOUND);
        assertThat(cosmos.slashing.v1beta1.QueryGrpc.newBlockingStub(client.channel())
                .params(cosmos.slashing.v1beta1.QueryParamsRequest.getDefaultInstance()).getParams()
                .getMinSignedPerWindow().toStringUtf8()).isEqualTo("500000000000000000");
        var tendermint = cosmos.base.tendermint.v1beta1.ServiceGrpc.newBlockingStub(client.channel());
        var header = tendermint.getLatestBlock(GetLatestBlockRequest.getDefaultInstance()).getSdkBlock().getHeader();
        assertThat(header.getChainId()).isEqualTo("omniphi-devnet-1");
        assertThat(header.getHeight()).isPositive();
        assertThat(header.getProposerAddress()).startsWith("omnivalcons1");
        assertThat(tendermint.getNodeInfo(GetNodeInfoRequest.getDefaultInstance()).getDefaultNodeInfo()
                .getNetwork()).isEqualTo("omniphi-devnet-1");
    }

    private static GetTxResponse broadcastAndAwait(byte[] txBytes) {
        ServiceGrpc.ServiceBlockingStub txService = ServiceGrpc.newBlockingStub(client.channel());
        var checked = txService.broadcastTx(BroadcastTxRequest.newBuilder().setTxBytes(ByteString.copyFrom(txBytes))
                .setMode(BroadcastMode.BROADCAST_MODE_SYNC).build()).getTxResponse();
        assertThat(checked.getCode()).as(checked.getRawLog()).isZero();
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsMatching(e -> e instanceof StatusRuntimeException s
                        && s.getStatus().getCode() == Status.Code.NOT_FOUND)
                .until(() -> txService.getTx(GetTxRequest.newBuilder().setHash(checked.getTxhash()).build()),
                        r -> r.hasTxResponse());
    }

    private static Validator validator(String operator) {
        return cosmos.staking.v1beta1.QueryGrpc.newBlockingStub(client.channel())
                .validator(QueryValidatorRequest.newBuilder().setValidatorAddr(operator).build()).getValidator();
    }

    private static void assertGrpcError(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
