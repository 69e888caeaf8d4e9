package network.omniphi.provisioning.domain;

import java.util.List;

import network.omniphi.commons.error.DomainException;
import network.omniphi.commons.error.ErrorKind;
import network.omniphi.commons.error.FieldError;

/** The provisioning service's domain errors; each code is registered once and never reused. */
public abstract sealed class ProvisioningException extends DomainException {

    protected ProvisioningException(String detail, List<FieldError> errors, Throwable cause) {
        super(detail, errors, cause);
    }

    /** No node exists for this setup request. Code {@code node-not-found}. */
    public static final class NodeNotFound extends ProvisioningException {
        public NodeNotFound(String setupRequestId) {
            super("No validator node for setup request " + setupRequestId + ".", List.of(), null);
        }

        @Override
        public String code() {
            return "node-not-found";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.NOT_FOUND;
        }

        @Override
        public String title() {
            return "Node not found";
        }
    }

    /** A setup request cannot become a node (bad moniker, chain id...). Unrecoverable. Code {@code invalid-node-spec}. */
    public static final class InvalidNodeSpec extends ProvisioningException {
        public InvalidNodeSpec(List<FieldError> errors) {
            super("The setup request cannot be turned into a validator node.", errors, null);
        }

        @Override
        public String code() {
            return "invalid-node-spec";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.RULE_VIOLATION;
        }

        @Override
        public String title() {
            return "Invalid node specification";
        }
    }

    /** The runtime (Kubernetes API, process start) failed in a way that retrying may fix. Code {@code runtime-unavailable}. */
    public static final class RuntimeUnavailable extends ProvisioningException {
        public RuntimeUnavailable(String detail, Throwable cause) {
            super(detail, List.of(), cause);
        }

        @Override
        public String code() {
            return "runtime-unavailable";
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.UNAVAILABLE;
        }

        @Override
        public String title() {
            return "Node runtime unavailable";
        }

        @Override
        public Long retryAfterSeconds() {
            return 5L;
        }
    }
}
