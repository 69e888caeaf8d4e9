package network.omniphi.commons.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one gate between a stored node RPC endpoint and an HTTP client. A node's endpoint is ours (the provisioner
 * announces it, the gateway stores it from that event), but it still travels through events, a database and a gRPC
 * call: before anything is fetched it must use an allowed scheme, carry no user info, and every address its host
 * resolves to must lie outside the denied ranges and inside an allowed range (or the host be an allowed name).
 * <p>
 * {@link #check(String)} answers the URI to fetch: for {@code http} the host is replaced by the address that was
 * checked, so a DNS answer that changes between the check and the connection (rebinding) cannot redirect the request;
 * for {@code https} the name stays (certificate validation needs it) and the check is as good as the resolver. The
 * JDK HTTP client follows no redirects by default, which the callers keep.
 */
@ApplicationScoped
public class NodeEndpointPolicy {

    private final List<String> schemes;
    private final List<String> hosts;
    private final List<Cidr> allowed;
    private final List<Cidr> denied;
    private final Resolver resolver;

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Inject
    public NodeEndpointPolicy(NodeEndpointConfig config) {
        this(config.allowedSchemes(), config.allowedHosts().orElse(List.of()), config.allowedCidrs(),
                config.deniedCidrs(), InetAddress::getAllByName);
    }

    public NodeEndpointPolicy(List<String> schemes, List<String> hosts, List<String> allowedCidrs,
            List<String> deniedCidrs, Resolver resolver) {
        this.schemes = schemes.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        this.hosts = hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.allowed = allowedCidrs.stream().map(Cidr::parse).toList();
        this.denied = deniedCidrs.stream().map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /**
     * The URI to fetch for {@code endpoint} (blocking: it resolves the host).
     *
     * @throws EndpointRejected with a reason that names no secret, if the endpoint is not allowed
     */
    public URI check(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint == null ? "" : endpoint.strip());
        } catch (URISyntaxException e) {
            throw new EndpointRejected("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new EndpointRejected("scheme '" + scheme + "' is not allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new EndpointRejected("must not carry user info");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new EndpointRejected("has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new EndpointRejected("must not carry a query or fragment");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new EndpointRejected("host does not resolve");
        }
        if (addresses.length == 0) {
            throw new EndpointRejected("host does not resolve");
        }
        boolean namedHost = hostAllowed(bare.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            if (denied.stream().anyMatch(c -> c.contains(address))) {
                throw new EndpointRejected("resolves to a denied address " + address.getHostAddress());
            }
            if (!namedHost && allowed.stream().noneMatch(c -> c.contains(address))) {
                throw new EndpointRejected("resolves to " + address.getHostAddress() + ", outside the allowed ranges");
            }
        }
        if (!"http".equals(scheme)) {
            return uri;
        }
        try {
            return new URI(scheme, null, addresses[0].getHostAddress(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new EndpointRejected("is not a URL");
        }
    }

    private boolean hostAllowed(String host) {
        for (String h : hosts) {
            if (h.startsWith("*.") ? host.endsWith(h.substring(1)) && host.length() > h.length() - 1 : host.equals(h)) {
                return true;
            }
        }
        return false;
    }

    /** A node endpoint the policy refuses; the message says why. */
    public static final class EndpointRejected extends IllegalArgumentException {
        public EndpointRejected(String reason) {
            super(reason);
        }
    }

    /** An IPv4 or IPv6 range in CIDR notation. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            try {
                byte[] net = InetAddress.getByName(slash < 0 ? t : t.substring(0, slash)).getAddress();
                int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(t.substring(slash + 1));
                if (prefix < 0 || prefix > net.length * 8 || !literal(slash < 0 ? t : t.substring(0, slash))) {
                    throw new IllegalArgumentException("not a CIDR range: " + text);
                }
                return new Cidr(net, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + text, e);
            }
        }

        private static boolean literal(String s) {
            return s.contains(":") || s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                // an IPv4-mapped IPv6 address is judged as the IPv4 address it carries
                if (a.length == 16 && network.length == 4 && isMapped(a)) {
                    a = java.util.Arrays.copyOfRange(a, 12, 16);
                } else {
                    return false;
                }
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }

        private static boolean isMapped(byte[] a) {
            for (int i = 0; i < 10; i++) {
                if (a[i] != 0) {
                    return false;
                }
            }
            return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        }
    }
}
