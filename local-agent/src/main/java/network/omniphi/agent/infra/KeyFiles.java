package network.omniphi.agent.infra;

import java.io.IOException;
import java.nio.file.Path;

/** Files outside a home that hold sealed key material (backups). */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** Creates {@code file} (0600) with {@code content}; fails with FileAlreadyExistsException if it exists. */
    public static void createOnce(Path file, String content) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        AgentHome.writeOnce(absolute, content);
    }
}
