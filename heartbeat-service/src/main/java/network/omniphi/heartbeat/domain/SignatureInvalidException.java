package network.omniphi.heartbeat.domain;

import network.omniphi.commons.error.ErrorKind;

/** The signature does not verify against the consensus key over the canonical body (401). */
public final class SignatureInvalidException extends HeartbeatException {

    public SignatureInvalidException(String detail) {
        super(detail);
    }

    @Override
    public String code() {
        return "signature-invalid";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAUTHENTICATED;
    }

    @Override
    public String title() {
        return "Invalid heartbeat signature";
    }
}
