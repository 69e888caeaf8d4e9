package network.omniphi.commons.net;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which node RPC endpoints a service may fetch ({@code omniphi.node-endpoints.*}). The defaults admit plain cluster
 * and private-network addresses only; loopback is added by the dev and test profiles (local nodes run on 127.0.0.1).
 * Denied ranges win over everything else, including an allowed host name.
 */
@ConfigMapping(prefix = "omniphi.node-endpoints")
public interface NodeEndpointConfig {

    /** URL schemes a node endpoint may use. */
    @WithDefault("http,https")
    List<String> allowedSchemes();

    /**
     * Host names admitted whatever private range they resolve to: exact names, or {@code *.suffix} for any name
     * below a domain (e.g. {@code *.rpc.example.org} for public nodes reached over https).
     */
    Optional<List<String>> allowedHosts();

    /** Address ranges a node endpoint may resolve to (every resolved address must be in one). */
    @WithDefault("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7")
    List<String> allowedCidrs();

    /**
     * Ranges never fetched, whatever else admits them: link-local (the cloud metadata services 169.254.169.254 and
     * fd00:ec2::254 live there or beside it), "this network", multicast, broadcast and Alibaba's metadata address.
     */
    @WithDefault("0.0.0.0/8,169.254.0.0/16,224.0.0.0/4,255.255.255.255/32,100.100.100.200/32,::/128,fe80::/10,"
            + "ff00::/8,fd00:ec2::254/128")
    List<String> deniedCidrs();
}
