package network.omniphi.provisioning.domain;

/**
 * What a runtime (Kubernetes or local processes) says about a node after applying the desired state.
 *
 * @param state where the node's workload is
 * @param endpoints the endpoints users and services reach the node at
 * @param statusUrl the CometBFT RPC base URL the provisioner itself reads {@code /status} from
 * @param detail why the node failed or is not ready, for humans (never secrets)
 */
public record RuntimeReport(State state, Endpoints endpoints, String statusUrl, String detail) {

    public enum State {
        /** Being created or started; not serving yet. */
        STARTING,
        /** The workload runs and passes its readiness checks. */
        READY,
        /**
         * The workload cannot run (image pull failure, crash loop, bad spec); retrying will not help. Fails a node
         * still provisioning; a provisioned node shows as unhealthy with this detail until it recovers.
         */
        FAILED,
        /** Scaled to zero / process ended; the data volume or home folder is kept. */
        STOPPED
    }

    public static RuntimeReport starting(String detail) {
        return new RuntimeReport(State.STARTING, Endpoints.NONE, null, detail);
    }

    public static RuntimeReport failed(String reason) {
        return new RuntimeReport(State.FAILED, Endpoints.NONE, null, reason);
    }

    public static RuntimeReport stopped() {
        return new RuntimeReport(State.STOPPED, Endpoints.NONE, null, null);
    }
}
