package network.omniphi.devnet.testing;

import static io.restassured.RestAssured.given;

import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.restassured.http.ContentType;

/** Test access to a running devnet: a plaintext gRPC channel and the faucet. */
public final class DevnetClient implements AutoCloseable {

    private final ManagedChannel channel;

    public DevnetClient() {
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        this.channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** Funds {@code address} through {@code POST /faucet} and returns its account number. */
    public static long fund(String address, String amount) {
        return given().contentType(ContentType.JSON)
                .body("{\"address\":\"" + address + "\",\"amount\":{\"denom\":\"omniphi\",\"amount\":\"" + amount
                        + "\"}}")
                .post("/faucet").then().statusCode(200).extract().jsonPath().getLong("accountNumber");
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
