package network.omniphi.devnode;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one subcommand, checked against the names that subcommand accepts. */
final class CommandLine {

    private final Map<String, String> options = new HashMap<>();

    CommandLine(String[] args, int from, Set<String> allowed) {
        for (int i = from; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            options.put(name.substring(2), args[i + 1]);
        }
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    String optional(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    Integer port(String name, boolean required) {
        String value = required ? required(name) : options.get(name);
        if (value == null) {
            return null;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number 0-65535");
        }
    }
}
