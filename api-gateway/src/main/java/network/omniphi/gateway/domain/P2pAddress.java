package network.omniphi.gateway.domain;

/**
 * The node view's {@code p2pEndpoint} is {@code tcp://host:port}, the form the API has shown since the seed and the
 * provisioner produces (provisioning {@code Endpoints.p2pAddress}). Events written by provisioners before that form was
 * pinned carry a bare {@code host:port}; the read model stores those with the scheme too, so the API shows one form.
 */
public final class P2pAddress {

    private P2pAddress() {
    }

    /** {@code tcp://host:port} for a bare {@code host:port}; any other value (empty, already with a scheme) as is. */
    public static String normalise(String value) {
        if (value == null || value.isEmpty() || value.contains("://")) {
            return value;
        }
        return "tcp://" + value;
    }
}
