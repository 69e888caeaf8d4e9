package network.omniphi.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bodies the Vert.x heartbeat route takes itself: JSON as {@code @Consumes(APPLICATION_JSON)} matches it. */
class HeartbeatRouteTest {

    @Test
    void jsonWithOrWithoutParametersIsTaken() {
        assertThat(HeartbeatRoute.isJson("application/json")).isTrue();
        assertThat(HeartbeatRoute.isJson("application/json; charset=UTF-8")).isTrue();
        assertThat(HeartbeatRoute.isJson("Application/JSON")).isTrue();
        assertThat(HeartbeatRoute.isJson(" application/json ;charset=utf-8")).isTrue();
    }

    @Test
    void everythingElseGoesOnToTheJaxRsRoute() {
        assertThat(HeartbeatRoute.isJson(null)).isFalse();
        assertThat(HeartbeatRoute.isJson("")).isFalse();
        assertThat(HeartbeatRoute.isJson("text/plain")).isFalse();
        assertThat(HeartbeatRoute.isJson("application/jsonx")).isFalse();
        assertThat(HeartbeatRoute.isJson("application/problem+json")).isFalse();
        assertThat(HeartbeatRoute.isJson("application/x-www-form-urlencoded")).isFalse();
    }
}
