package network.omniphi.devnet.api.rpc;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** CometBFT JSON-RPC envelopes: {@code {"jsonrpc":"2.0","id":-1,"result":...}} or {@code ...,"error":{...}}. */
final class RpcJson {

    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    private RpcJson() {
    }

    static Map<String, Object> result(Object result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jsonrpc", "2.0");
        out.put("id", -1);
        out.put("result", result);
        return out;
    }

    static Response error(Response.Status status, int code, String message, String data) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("data", data);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jsonrpc", "2.0");
        out.put("id", -1);
        out.put("error", error);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(out).build();
    }

    /** Ordered map from alternating keys and values. */
    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
