package network.omniphi.agent.domain;

/** Exit codes of the {@code omniphi-agent} commands; stable, documented in docs/local-agent.md. */
public enum ExitCode {
    OK(0), FAILURE(1), USAGE(2), WRONG_PASSPHRASE(3), KEY_EXISTS(4), HOME_UNUSABLE(5), HOME_LOCKED(6), ANOTHER_SIGNER(
            7), SIGNER_CHECK_FAILED(8), CANNOT_START(9);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
