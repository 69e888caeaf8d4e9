package network.omniphi.devnode;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import network.omniphi.codec.JsonStrings;

/**
 * How another program starts this node as a child process: the running JVM's {@code java} with a small heap and quick
 * start-up options, this module's jar (or its classes folder in a build) and the codec jar on the class path, {@link NodeMain}
 * {@code start}. The provisioner's local runtime and the local agent both launch it this way and add their own
 * options after it.
 */
public final class NodeProcess {

    /** The main class a launched node's command line carries (what tools look for to find its processes). */
    public static final String MAIN_CLASS = NodeMain.class.getName();

    private NodeProcess() {
    }

    /** {@code java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp <jars> NodeMain start}; empty without them. */
    public static Optional<List<String>> startCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return classpath().map(cp -> List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                cp, MAIN_CLASS, "start"));
    }

    /**
     * This module's jar (or classes folder) and the {@code codec} jar it uses (the one JSON string escaping), from where
     * their classes were loaded, else from class path entries naming them; empty if either cannot be found.
     */
    public static Optional<String> classpath() {
        Optional<String> node = location(NodeMain.class, "dev-node");
        Optional<String> codec = location(JsonStrings.class, "codec");
        return node.isPresent() && codec.isPresent()
                ? Optional.of(node.get() + File.pathSeparator + codec.get())
                : Optional.empty();
    }

    private static Optional<String> location(Class<?> type, String module) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source != null && "file".equals(source.getLocation().getProtocol())) {
                File file = new File(source.getLocation().toURI());
                if (file.exists()) {
                    return Optional.of(file.getAbsolutePath());
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the class path search below
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.contains(module)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
