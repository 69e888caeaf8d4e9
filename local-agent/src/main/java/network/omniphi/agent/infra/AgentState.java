package network.omniphi.agent.infra;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import network.omniphi.devnode.Json;

/**
 * The home's public settings and state ({@code agent.json}): chain id and moniker chosen at init, the wallet and
 * setup the key was linked for (learnt from the bridge's link proof), and the signed timestamps of the last heartbeats
 * this home sent, which the one-signer check uses to recognise its own heartbeats. Never anything secret.
 */
public record AgentState(String chainId, String moniker, String walletAddress, String setupRequestId,
        List<Instant> sentHeartbeats) {

    /** How many sent timestamps are kept: more than fit in one interval plus the grace. */
    static final int KEPT_TIMESTAMPS = 6;

    public AgentState {
        sentHeartbeats = List.copyOf(sentHeartbeats);
    }

    public static AgentState initial(String chainId, String moniker) {
        return new AgentState(chainId, moniker, null, null, List.of());
    }

    public AgentState linkedTo(String wallet, String setupId) {
        return new AgentState(chainId, moniker, wallet, setupId, sentHeartbeats);
    }

    public AgentState withSent(Instant timestamp) {
        List<Instant> sent = new ArrayList<>(sentHeartbeats);
        sent.add(timestamp);
        while (sent.size() > KEPT_TIMESTAMPS) {
            sent.remove(0);
        }
        return new AgentState(chainId, moniker, walletAddress, setupRequestId, sent);
    }

    public static AgentState load(AgentHome home) {
        if (!Files.exists(home.stateFile())) {
            throw new network.omniphi.agent.domain.AgentException.HomeUnusable(
                    "no agent.json in " + home.root() + ": not an omniphi-agent home");
        }
        Object doc = Json.parse(AgentHome.read(home.stateFile()));
        List<Instant> sent = new ArrayList<>();
        if (Json.at(doc, "sentHeartbeats") instanceof List<?> list) {
            list.forEach(t -> sent.add(Instant.parse(t.toString())));
        }
        return new AgentState(Json.string(doc, "chainId"), Json.string(doc, "moniker"),
                Json.string(doc, "walletAddress"), Json.string(doc, "setupRequestId"), sent);
    }

    public void save(AgentHome home) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("chainId", chainId);
        doc.put("moniker", moniker);
        doc.put("walletAddress", walletAddress);
        doc.put("setupRequestId", setupRequestId);
        doc.put("sentHeartbeats", sentHeartbeats.stream().map(Instant::toString).toList());
        AgentHome.writeAtomically(home.stateFile(), Json.write(doc));
    }
}
