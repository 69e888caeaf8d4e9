package network.omniphi.agent.domain;

/**
 * Everything the agent refuses, each with the process exit code the command line ends with (see {@link ExitCode}).
 * Messages are for the user and never carry key material or the passphrase.
 */
public sealed class AgentException extends RuntimeException {

    private final ExitCode exitCode;

    AgentException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** The passphrase does not open the key (or backup) file. */
    public static final class WrongPassphrase extends AgentException {
        public WrongPassphrase(String what) {
            super(ExitCode.WRONG_PASSPHRASE, "wrong passphrase: it does not open " + what, null);
        }
    }

    /** A key already exists where one would be written; nothing is overwritten, ever. */
    public static final class KeyExists extends AgentException {
        public KeyExists(String message) {
            super(ExitCode.KEY_EXISTS, message, null);
        }
    }

    /** The home has no key yet, or its files are not the agent's. */
    public static final class HomeUnusable extends AgentException {
        public HomeUnusable(String message) {
            super(ExitCode.HOME_UNUSABLE, message, null);
        }

        public HomeUnusable(String message, Throwable cause) {
            super(ExitCode.HOME_UNUSABLE, message, cause);
        }
    }

    /** Bad user input (passphrase too short, unreadable file, malformed option). */
    public static final class BadInput extends AgentException {
        public BadInput(String message) {
            super(ExitCode.USAGE, message, null);
        }
    }

    /** Another agent already runs with this home. */
    public static final class HomeLocked extends AgentException {
        public HomeLocked(String message) {
            super(ExitCode.HOME_LOCKED, message, null);
        }
    }

    /** The gateway heard this key from another machine recently: starting would make two signers. */
    public static final class AnotherSigner extends AgentException {
        public AnotherSigner(String message) {
            super(ExitCode.ANOTHER_SIGNER, message, null);
        }
    }

    /** Whether another machine signs with this key could not be established (gateway unreachable or odd). */
    public static final class SignerCheckFailed extends AgentException {
        public SignerCheckFailed(String message, Throwable cause) {
            super(ExitCode.SIGNER_CHECK_FAILED, message, cause);
        }
    }

    /** The node could not be started at all (binary missing, bridge port taken, ...). */
    public static final class CannotStart extends AgentException {
        public CannotStart(String message, Throwable cause) {
            super(ExitCode.CANNOT_START, message, cause);
        }
    }
}
