package network.omniphi.devnet.api.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import network.omniphi.devnet.domain.ChainException;

/** gRPC errors the way the SDK returns them, plus the Cosmos code in trailers for programmatic callers. */
final class GrpcErrors {

    static final Metadata.Key<String> CODESPACE = Metadata.Key.of("x-cosmos-codespace",
            Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> CODE = Metadata.Key.of("x-cosmos-code", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcErrors() {
    }

    static StatusRuntimeException of(Status status, String description) {
        return status.withDescription(description).asRuntimeException();
    }

    static StatusRuntimeException of(Status status, ChainException e) {
        Metadata trailers = new Metadata();
        trailers.put(CODESPACE, e.error().codespace());
        trailers.put(CODE, Integer.toString(e.error().code()));
        return status.withDescription(e.rawLog()).asRuntimeException(trailers);
    }
}
