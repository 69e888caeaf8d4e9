package network.omniphi.provisioning.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import network.omniphi.commons.error.FieldError;
import network.omniphi.commons.text.DisplayText;

/** Stateless checks a setup request must pass before it becomes a node. */
public final class NodeSpecRules {

    /** Cosmos SDK moniker limit, in UTF-8 bytes. */
    public static final int MAX_MONIKER_BYTES = 70;

    private NodeSpecRules() {
    }

    /** Throws {@link ProvisioningException.InvalidNodeSpec} listing every wrong field. */
    public static void check(String setupRequestId, String moniker, String chainId) {
        List<FieldError> errors = new ArrayList<>();
        if (setupRequestId == null || setupRequestId.isBlank() || setupRequestId.length() > 128) {
            errors.add(new FieldError("setupRequestId", "must be 1..128 characters"));
        }
        int monikerBytes = moniker == null ? 0 : moniker.getBytes(StandardCharsets.UTF_8).length;
        if (moniker == null || moniker.isBlank() || monikerBytes > MAX_MONIKER_BYTES) {
            errors.add(new FieldError("validatorName", "must be 1..70 UTF-8 bytes"));
        } else if (!DisplayText.isAllowed(moniker)) {
            // the gateway's rule (same class), so a moniker the gateway accepted never fails here; quotes and
            // backslashes are fine: every place the moniker goes escapes them (config.toml) or passes it as one argv
            errors.add(new FieldError("validatorName", DisplayText.problem(moniker)));
        }
        if (chainId == null || !chainId.matches("[a-zA-Z0-9_.-]{1,50}")) {
            errors.add(new FieldError("chainId", "must be 1..50 characters of [a-zA-Z0-9_.-]"));
        }
        if (!errors.isEmpty()) {
            throw new ProvisioningException.InvalidNodeSpec(errors);
        }
    }
}
