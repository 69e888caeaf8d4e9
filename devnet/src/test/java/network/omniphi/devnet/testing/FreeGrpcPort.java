package network.omniphi.devnet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives the separate gRPC server a free port so parallel test JVMs never clash. */
public class FreeGrpcPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Map.of("quarkus.grpc.server.test-port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // nothing to release: the socket was closed right after choosing the port
    }
}
