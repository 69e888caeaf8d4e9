package network.omniphi.e2e;

import java.io.IOException;

/**
 * One wallet signed in to the gateway, as a portal tab keeps it: the access token is renewed by a new wallet login
 * when the gateway answers 401 (tokens live 15 minutes; a fault run outlives them).
 */
final class Session {

    private final Api api;
    private final Wallet wallet;
    private volatile String token;

    Session(Api api, Wallet wallet) {
        this.api = api;
        this.wallet = wallet;
    }

    Wallet wallet() {
        return wallet;
    }

    /** Signs in now (ADR-036); a failure here is the caller's to retry. */
    Session login() throws IOException, InterruptedException {
        token = api.login(wallet);
        return this;
    }

    Api.Reply get(String path) throws IOException, InterruptedException {
        Api.Reply r = api.get(path, current());
        return r.status() == 401 ? api.get(path, renewed()) : r;
    }

    Api.Reply post(String path, Object body) throws IOException, InterruptedException {
        Api.Reply r = api.post(path, current(), body);
        return r.status() == 401 ? api.post(path, renewed(), body) : r;
    }

    private String current() throws IOException, InterruptedException {
        return token != null ? token : renewed();
    }

    private String renewed() throws IOException, InterruptedException {
        login();
        return token;
    }
}
