package network.omniphi.provisioning.infra.kubernetes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.ValidatorNode;

/**
 * The {@code KeyReady}, {@code Synced} and {@code Ready} conditions of a ValidatorNode (Kubernetes API conventions:
 * type, status, reason in CamelCase, message, lastTransitionTime, observedGeneration). A condition keeps its
 * lastTransitionTime while its status stays the same, so an unchanged node renders an identical status and nothing
 * is written. Pure.
 */
public final class NodeConditions {

    public static final String KEY_READY = "KeyReady";
    public static final String SYNCED = "Synced";
    public static final String READY = "Ready";

    private NodeConditions() {
    }

    /** Conditions of a node the provisioner tracks. */
    public static List<Condition> of(ValidatorNode node, List<Condition> previous, long generation, Instant now) {
        NodeStatus s = node.status();
        boolean keyKnown = node.consensusPubkey() != null;
        List<Condition> conditions = new ArrayList<>();
        conditions.add(keyKnown
                ? condition(KEY_READY, true, "KeyReported",
                        "consensus key created by init on the node's volume; public key read from /status")
                : condition(KEY_READY, false, s == NodeStatus.FAILED ? "Failed" : "AwaitingKey",
                        "waiting for the node to report its consensus public key"));
        conditions.add(switch (s) {
            case RUNNING -> condition(SYNCED, true, "CaughtUp", "within 3 blocks of the reference node");
            case SYNCING -> condition(SYNCED, false, "CatchingUp", "catching up with the chain");
            case UNHEALTHY -> condition(SYNCED, false, "Unreachable", "node unhealthy or its /status unreachable");
            case PROVISIONING -> condition(SYNCED, false, "Provisioning", "node starting or catching up");
            case STOPPING, STOPPED -> condition(SYNCED, false, "Stopped", "node stopped");
            case FAILED -> condition(SYNCED, false, "Failed", node.failureReason());
        });
        conditions.add(s == NodeStatus.RUNNING
                ? condition(READY, true, "Running", "running and in sync")
                : condition(READY, false, reason(s), message(node)));
        return carryOver(conditions, previous, generation, now);
    }

    /** Conditions of a resource that cannot be provisioned (every condition False with the reason). */
    public static List<Condition> error(String reason, String message, List<Condition> previous, long generation,
            Instant now) {
        return carryOver(List.of(condition(KEY_READY, false, reason, message), condition(SYNCED, false, reason,
                message), condition(READY, false, reason, message)), previous, generation, now);
    }

    private static List<Condition> carryOver(List<Condition> next, List<Condition> previous, long generation,
            Instant now) {
        String stamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<Condition> out = new ArrayList<>();
        for (Condition c : next) {
            Condition before = previous == null
                    ? null
                    : previous.stream().filter(p -> c.getType().equals(p.getType())).findFirst().orElse(null);
            boolean same = before != null && Objects.equals(before.getStatus(), c.getStatus());
            out.add(new ConditionBuilder(c).withObservedGeneration(generation)
                    .withLastTransitionTime(same && before.getLastTransitionTime() != null
                            ? before.getLastTransitionTime()
                            : stamp)
                    .build());
        }
        return out;
    }

    private static Condition condition(String type, boolean status, String reason, String message) {
        return new ConditionBuilder().withType(type).withStatus(status ? "True" : "False").withReason(reason)
                .withMessage(message == null ? "" : message).build();
    }

    private static String reason(NodeStatus s) {
        String lower = s.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String message(ValidatorNode node) {
        return switch (node.status()) {
            case PROVISIONING -> "node provisioning: creating the key, starting and catching up";
            case SYNCING -> "node catching up with the chain";
            case UNHEALTHY -> "node unhealthy";
            case STOPPING -> "node stopping";
            case STOPPED -> "node stopped; volume and key kept";
            case FAILED -> node.failureReason();
            case RUNNING -> "running and in sync";
        };
    }
}
