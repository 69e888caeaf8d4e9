package network.omniphi.gateway.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServiceBridge;

import network.omniphi.proto.chain.v1.BuildUnjailTxRequest;
import network.omniphi.proto.chain.v1.BuildUnjailTxResponse;
import network.omniphi.proto.chain.v1.ChainServiceGrpc;
import network.omniphi.proto.chain.v1.GetValidatorInfoRequest;
import network.omniphi.proto.chain.v1.GetValidatorInfoResponse;

/**
 * chain-service's internal gRPC API on a real HTTP/2 port, for gateway tests that go through the real client adapter
 * and error mapping: BuildUnjailTx answers what a test scripted for the setup, either a response or a refusal made the
 * way chain-service's {@code GrpcErrors} makes it (status by error kind, description {@code CODE: detail}, trailer
 * {@code omniphi-error-code}); every request is recorded.
 */
public final class StubChainService extends ChainServiceGrpc.ChainServiceImplBase {

    private static final Metadata.Key<String> CODE = Metadata.Key.of("omniphi-error-code",
            Metadata.ASCII_STRING_MARSHALLER);

    /** What BuildUnjailTx answers for a setup id: a response, or a status with chain-service's error code. */
    public record Answer(BuildUnjailTxResponse response, Status.Code status, String errorCode, String detail) {
        public static Answer ok(BuildUnjailTxResponse response) {
            return new Answer(response, null, null, null);
        }

        public static Answer refused(Status.Code status, String errorCode, String detail) {
            return new Answer(null, status, errorCode, detail);
        }
    }

    public static final Map<String, Answer> UNJAIL_ANSWERS = new ConcurrentHashMap<>();
    public static final List<BuildUnjailTxRequest> UNJAIL_REQUESTS = new CopyOnWriteArrayList<>();

    private static Vertx vertx;
    private static HttpServer server;

    /** Starts the stub once per JVM on a free loopback port and answers that port. */
    public static synchronized int port() {
        if (server == null) {
            vertx = Vertx.vertx();
            GrpcServer grpc = GrpcServer.server(vertx);
            GrpcServiceBridge.bridge(new StubChainService()).bind(grpc);
            try {
                server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                        .requestHandler(grpc).listen().toCompletionStage().toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the stub chain service did not start", e);
            }
        }
        return server.actualPort();
    }

    public static List<BuildUnjailTxRequest> requestsFor(String setupId) {
        return UNJAIL_REQUESTS.stream().filter(r -> r.getSetupRequestId().equals(setupId)).toList();
    }

    @Override
    public void buildUnjailTx(BuildUnjailTxRequest request, StreamObserver<BuildUnjailTxResponse> out) {
        UNJAIL_REQUESTS.add(request);
        Answer answer = UNJAIL_ANSWERS.get(request.getSetupRequestId());
        if (answer == null) {
            out.onError(Status.INTERNAL.withDescription("INTERNAL: no answer scripted").asRuntimeException());
        } else if (answer.response() != null) {
            out.onNext(answer.response());
            out.onCompleted();
        } else {
            Metadata trailers = new Metadata();
            trailers.put(CODE, answer.errorCode());
            out.onError(Status.fromCode(answer.status()).withDescription(answer.errorCode() + ": " + answer.detail())
                    .asRuntimeException(trailers));
        }
    }

    /** The views ask for the jail budget; the stub knows no validator (the views then leave it out). */
    @Override
    public void getValidatorInfo(GetValidatorInfoRequest request, StreamObserver<GetValidatorInfoResponse> out) {
        out.onNext(GetValidatorInfoResponse.newBuilder().setFound(false).build());
        out.onCompleted();
    }
}
