package network.omniphi.gateway.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeysTest {

    @Test
    void ipv4AddressesCountOneByOne() {
        assertThat(ClientKeys.of("203.0.113.7")).isEqualTo("ipv4:203.0.113.7");
        assertThat(ClientKeys.of("203.0.113.8")).isNotEqualTo(ClientKeys.of("203.0.113.7"));
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        String key = ClientKeys.of("2001:db8:1:2::1");
        assertThat(key).isEqualTo("ipv6:20010db800010002/64");
        assertThat(ClientKeys.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo(key);
        assertThat(ClientKeys.of("[2001:DB8:1:2::9]")).isEqualTo(key);
        assertThat(ClientKeys.of("fe80::1%eth0")).isEqualTo("ipv6:fe80000000000000/64");
        assertThat(ClientKeys.of("2001:db8:1:3::1")).isNotEqualTo(key);
    }

    @Test
    void ipv4MappedAddressesCountAsIpv4() {
        assertThat(ClientKeys.of("::ffff:203.0.113.7")).isEqualTo("ipv4:203.0.113.7");
    }

    @Test
    void nonLiteralsAreKeyedByTheirTextWithoutAnyLookup() {
        assertThat(ClientKeys.of("unknown")).isEqualTo("other:unknown");
        assertThat(ClientKeys.of("_hidden-proxy")).isEqualTo("other:_hidden-proxy");
        assertThat(ClientKeys.of("a".repeat(500))).hasSize("other:".length() + ClientKeys.MAX_OTHER_CHARS);
        assertThat(ClientKeys.of(null)).isEqualTo("unknown");
        assertThat(ClientKeys.of("")).isEqualTo("unknown");
    }
}
