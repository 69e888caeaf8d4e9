package network.omniphi.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void p2pAddressIsATcpUrlLikeCometBftsListenAddress() {
        assertThat(Endpoints.p2pAddress("127.0.0.1", 27025)).isEqualTo("tcp://127.0.0.1:27025");
        assertThat(Endpoints.p2pAddress("vn-1-p2p.validators.svc", 26656))
                .isEqualTo("tcp://vn-1-p2p.validators.svc:26656");
    }

    @Test
    void refusesAMissingHostOrPort() {
        assertThatThrownBy(() -> Endpoints.p2pAddress("", 26656)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoints.p2pAddress("h", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoints.p2pAddress("h", 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
