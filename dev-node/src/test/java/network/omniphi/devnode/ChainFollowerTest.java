package network.omniphi.devnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class ChainFollowerTest {

    @Test
    void closesMostOfTheGapPerPollAndThenFollowsBlockByBlock() {
        ChainFollower.Snapshot s = new ChainFollower.Snapshot(0, "t0", true);

        s = ChainFollower.advance(s, 1000, "t");
        assertThat(s.height()).isEqualTo(750);
        assertThat(s.catchingUp()).isTrue();
        int polls = 1;
        while (s.catchingUp()) {
            s = ChainFollower.advance(s, 1000, "t");
            polls++;
        }
        assertThat(s.height()).isEqualTo(1000);
        assertThat(polls).isLessThanOrEqualTo(6);
        assertThat(s.blockTime()).isEqualTo("t");

        s = ChainFollower.advance(s, 1001, "t2");
        assertThat(s).isEqualTo(new ChainFollower.Snapshot(1001, "t2", false));
    }

    @Test
    void unreachableChainKeepsHeightAndReportsCatchingUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ChainFollower follower = new ChainFollower("http://127.0.0.1:" + port, 42);

        follower.poll();

        assertThat(follower.snapshot().height()).isEqualTo(42);
        assertThat(follower.snapshot().catchingUp()).isTrue();
    }

    @Test
    void jsonRoundTrips() {
        Object parsed = Json.parse("{\"a\":{\"b\":[1,2.5,\"x\\\"y\",true,null]},\"c\":\"\\u0041\"}");
        assertThat(Json.write(parsed)).isEqualTo("{\"a\":{\"b\":[1,2.5,\"x\\\"y\",true,null]},\"c\":\"A\"}");
        assertThat(Json.string(parsed, "c")).isEqualTo("A");
        assertThat(Json.at(parsed, "a", "missing")).isNull();
    }
}
