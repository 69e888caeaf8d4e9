package network.omniphi.e2e;

import java.util.Map;

/** Prints "token setupId" for a fresh wallet with one local setup: the fixture of bench/gateway/run.sh. */
public final class BenchFixture {

    private BenchFixture() {
    }

    public static void main(String[] args) throws Exception {
        Api api = new Api(Stack.GATEWAY);
        Wallet w = Wallet.random();
        String token = api.login(w);
        Api.Reply r = api.post("/api/v1/validators/setup-requests", token, Map.of("walletAddress", w.address(),
                "validatorName", "bench-read", "commissionRate", "0.10", "runMode", "local"));
        Api.expect(r, 201);
        System.out.println(token + " " + r.body().at("/setupRequest/id").asText());
    }
}
