package network.omniphi.commons.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NodeEndpointPolicyTest {

    /** The defaults of NodeEndpointConfig, with a resolver that answers from a fixed table (no real DNS). */
    private static final List<String> SCHEMES = List.of("http", "https");
    private static final List<String> ALLOWED = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");
    private static final List<String> DENIED = List.of("0.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4",
            "255.255.255.255/32", "100.100.100.200/32", "::/128", "fe80::/10", "ff00::/8", "fd00:ec2::254/128");
    private static final Map<String, String> DNS = Map.of(
            "ovn-1-rpc.omniphi.svc", "10.96.4.7",
            "metadata.google.internal", "169.254.169.254",
            "rebind.example", "169.254.169.254",
            "public.example", "93.184.216.34",
            "rpc.omniphi.network", "93.184.216.34");

    private final NodeEndpointPolicy policy = new NodeEndpointPolicy(SCHEMES, List.of("*.omniphi.network"), ALLOWED,
            DENIED, NodeEndpointPolicyTest::resolve);

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            return InetAddress.getAllByName(host); // literals only in this test
        }
        return new InetAddress[]{InetAddress.getByName(ip)};
    }

    @Test
    void aClusterNodeIsFetchedAtTheAddressThatWasChecked() {
        URI uri = policy.check("http://ovn-1-rpc.omniphi.svc:26657");
        assertThat(uri).hasToString("http://10.96.4.7:26657");
        assertThat(policy.check("http://192.168.1.20:26657/")).hasToString("http://192.168.1.20:26657/");
        assertThat(policy.check("http://[fd12::1]:26657")).hasToString("http://[fd12:0:0:0:0:0:0:1]:26657");
    }

    @Test
    void anAllowedHostNameOverHttpsKeepsItsNameForCertificateValidation() {
        assertThat(policy.check("https://rpc.omniphi.network")).hasToString("https://rpc.omniphi.network");
        assertThatThrownBy(() -> policy.check("https://public.example"))
                .isInstanceOf(NodeEndpointPolicy.EndpointRejected.class).hasMessageContaining("outside the allowed");
        // a suffix rule does not match the bare domain or a look-alike
        assertThatThrownBy(() -> policy.check("https://evilomniphi.network"))
                .isInstanceOf(NodeEndpointPolicy.EndpointRejected.class);
    }

    @Test
    void cloudMetadataAndOtherDeniedAddressesAreNeverFetched() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal",
                "http://rebind.example:26657", "http://[fd00:ec2::254]/", "http://100.100.100.200/",
                "http://[::ffff:169.254.169.254]/", "http://0.0.0.0:26657", "http://[fe80::1]:26657")) {
            assertThatThrownBy(() -> policy.check(url)).as(url)
                    .isInstanceOf(NodeEndpointPolicy.EndpointRejected.class);
        }
        // a denied range wins over an allowed host name
        NodeEndpointPolicy lax = new NodeEndpointPolicy(SCHEMES, List.of("*.example"), List.of("0.0.0.0/0"), DENIED,
                NodeEndpointPolicyTest::resolve);
        assertThatThrownBy(() -> lax.check("http://rebind.example")).hasMessageContaining("denied address");
    }

    @Test
    void loopbackPublicAddressesOtherSchemesAndUserInfoAreRefused() {
        assertThatThrownBy(() -> policy.check("http://127.0.0.1:8082/q/metrics")).hasMessageContaining("outside");
        assertThatThrownBy(() -> policy.check("http://public.example:26657")).hasMessageContaining("outside");
        assertThatThrownBy(() -> policy.check("file:///etc/passwd")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> policy.check("gopher://10.0.0.1:70/")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> policy.check("http://user:pw@10.0.0.1:26657")).hasMessageContaining("user info");
        assertThatThrownBy(() -> policy.check("http://10.0.0.1:26657/?x=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> policy.check("http://no-such-host.invalid")).hasMessageContaining("resolve");
        assertThatThrownBy(() -> policy.check("not a url")).isInstanceOf(NodeEndpointPolicy.EndpointRejected.class);
        assertThatThrownBy(() -> policy.check(null)).isInstanceOf(NodeEndpointPolicy.EndpointRejected.class);
    }

    @Test
    void malformedRangesInTheConfigurationFailAtStartUp() {
        assertThatThrownBy(() -> new NodeEndpointPolicy(SCHEMES, List.of(), List.of("10.0.0.0/33"), DENIED,
                NodeEndpointPolicyTest::resolve)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeEndpointPolicy(SCHEMES, List.of(), List.of("example.com/8"), DENIED,
                NodeEndpointPolicyTest::resolve)).isInstanceOf(IllegalArgumentException.class);
    }
}
