package network.omniphi.agent.cli;

import java.io.Console;
import java.util.Arrays;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.infra.EncryptedKeyFile;

/**
 * Where the passphrase comes from: {@code OMNIPHI_AGENT_PASSPHRASE} (for services and scripts) or a prompt on the
 * terminal without echo. It is never an option (command lines are visible to every user of the machine) and never
 * logged.
 */
public final class Passphrases {

    public static final String ENV = "OMNIPHI_AGENT_PASSPHRASE";

    private Passphrases() {
    }

    /** The passphrase that opens an existing file. */
    public static char[] existing(String what) {
        return read("Passphrase for " + what + ": ", false);
    }

    /** A new passphrase (asked twice on a terminal), at least {@link EncryptedKeyFile#MIN_PASSPHRASE_CHARS} long. */
    public static char[] fresh(String what) {
        char[] pass = read("New passphrase for " + what + ": ", true);
        EncryptedKeyFile.checkPassphrase(pass);
        return pass;
    }

    private static char[] read(String prompt, boolean confirm) {
        String env = System.getenv(ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new AgentException.BadInput("no passphrase: set " + ENV + " or run this in a terminal");
        }
        char[] first = console.readPassword("%s", prompt);
        if (first == null) {
            throw new AgentException.BadInput("no passphrase given");
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat it: ");
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new AgentException.BadInput("the two passphrases differ");
            }
        }
        return first;
    }

    public static void wipe(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
