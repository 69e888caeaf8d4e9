package network.omniphi.provisioning.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The pure state machine of a node: given what the runtime and the node's /status say, decides the next state and
 * the events to publish. Empty means "nothing changed, write nothing". Events only on change. Only a node that was
 * never provisioned can fail: once its key was reported (the setup may have created a validator with it), workload
 * problems show as {@code unhealthy} until it recovers. A failed node is then scaled down, keeping its volume.
 */
public final class NodeLifecycle {

    /** A node counts as caught up when it is at most this many blocks behind the reference RPC. */
    public static final long MAX_LAG_BLOCKS = 3;

    /** The provider of a cloud setup that names none: the suite's own Kubernetes cloud. */
    public static final String DEFAULT_PROVIDER = "omniphi_cloud";

    private final Duration provisionTimeout;
    private final Duration healthInterval;

    public NodeLifecycle(Duration provisionTimeout, Duration healthInterval) {
        this.provisionTimeout = provisionTimeout;
        this.healthInterval = healthInterval;
    }

    /** For a node the user wants running, after the runtime applied it. */
    public Optional<Transition> whileRunning(ValidatorNode node, RuntimeReport report, Optional<StatusReading> reading,
            OptionalLong referenceHeight, Instant now) {
        if (node.status().settled() || node.status() == NodeStatus.STOPPING) {
            return Optional.empty();
        }
        if (node.status() == NodeStatus.PROVISIONING) {
            return report.state() == RuntimeReport.State.FAILED
                    ? Optional.of(fail(node, report.detail()))
                    : provisioning(node, report, reading, referenceHeight, now);
        }
        return health(node, report, reading, referenceHeight, now);
    }

    /**
     * For a failed node still marked to run, after the runtime was told to scale it down: once nothing runs any more
     * (or the runtime cannot apply it at all) the node is halted and no longer reconciled. Announces nothing: the
     * {@code failed} event already went out.
     */
    public Optional<Transition> whileHalting(ValidatorNode node, RuntimeReport report) {
        if (node.status() != NodeStatus.FAILED || !node.desiredRunning()
                || report.state() == RuntimeReport.State.READY || report.state() == RuntimeReport.State.STARTING) {
            return Optional.empty();
        }
        return Optional.of(Transition.of(node.halted()));
    }

    /** For a node the user asked to stop, after the runtime was told to stop it. */
    public Optional<Transition> whileStopping(ValidatorNode node, RuntimeReport report) {
        if (node.status() != NodeStatus.STOPPING || report.state() != RuntimeReport.State.STOPPED) {
            return Optional.empty();
        }
        return Optional.of(Transition.of(node.withStatus(NodeStatus.STOPPED), new NodeChange.Stopped()));
    }

    /**
     * The stop command: any live node goes to STOPPING (announced once); stopped or stopping nodes stay. A failed
     * node is stopped too, so that a stop accepted in any state ends in {@code stopped}.
     */
    public Optional<Transition> stopRequested(ValidatorNode node) {
        if (node.status() == NodeStatus.STOPPING || node.status() == NodeStatus.STOPPED) {
            return Optional.empty();
        }
        return Optional.of(Transition.of(node.stopRequested(), new NodeChange.Stopping()));
    }

    /**
     * The stop command for a setup the provisioner has no node for yet (its setup request is still on the other
     * topic): a stopped record (a tombstone) that a later setup request finds, so no workload is ever created for
     * it. Announces {@code stopped} at once: nothing runs.
     */
    public Transition stopBeforeProvisioning(String setupRequestId, String chainId, String provider, Instant now) {
        return Transition.of(ValidatorNode.stoppedBeforeProvisioning(setupRequestId, chainId, provider, now),
                new NodeChange.Stopped());
    }

    /**
     * A cloud setup request becomes a node to provision, or, when the request breaks the node rules
     * ({@link NodeSpecRules}), a node that failed at once (nothing was created for it, so nothing is scaled down).
     * A blank moniker runs as {@code validator}; one over the Cosmos limit is cut for the record (the failure names
     * the rule).
     */
    public Transition requested(String setupRequestId, String validatorName, String chainId, String provider,
            Instant now) {
        ValidatorNode node = ValidatorNode.requested(setupRequestId, recordedMoniker(validatorName), chainId,
                providerOrDefault(provider), now);
        try {
            NodeSpecRules.check(setupRequestId, validatorName, chainId);
            return Transition.of(node, new NodeChange.Provisioning());
        } catch (ProvisioningException.InvalidNodeSpec e) {
            String reason = "invalid setup request: " + e.errors().stream()
                    .map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
            return Transition.of(node.failed(reason).halted(), new NodeChange.Failed(reason));
        }
    }

    /** The provider a command names, or the suite's own cloud when it names none. */
    public static String providerOrDefault(String provider) {
        return provider == null || provider.isBlank() ? DEFAULT_PROVIDER : provider;
    }

    private static String recordedMoniker(String moniker) {
        String m = moniker == null || moniker.isBlank() ? "validator" : moniker;
        return m.length() > 70 ? m.substring(0, 70) : m;
    }

    /**
     * The node's current state as events, changing nothing: the answer to a command the gateway's overdue sweep
     * re-sent because it never saw the outcome (docs/adr/0007-overdue-setup-sweep.md). Consumers apply node events
     * idempotently (only legal moves, older events ignored), so announcing a state again is harmless.
     */
    public Transition announcement(ValidatorNode node) {
        NodeChange[] changes = switch (node.status()) {
            case PROVISIONING -> new NodeChange[]{new NodeChange.Provisioning()};
            case SYNCING, RUNNING, UNHEALTHY -> node.status() == NodeStatus.RUNNING
                    ? new NodeChange[]{provisioned(node)}
                    : new NodeChange[]{provisioned(node), new NodeChange.HealthChanged(node.status(),
                            node.latestHeight(), node.status() == NodeStatus.SYNCING, node.lastHealthCheck(),
                            "as last checked")};
            case STOPPING -> new NodeChange[]{new NodeChange.Stopping()};
            case STOPPED -> new NodeChange[]{new NodeChange.Stopped()};
            case FAILED -> new NodeChange[]{new NodeChange.Failed(
                    node.failureReason() == null ? "node failed" : node.failureReason())};
        };
        return Transition.of(node, changes);
    }

    private static NodeChange provisioned(ValidatorNode node) {
        return new NodeChange.Provisioned(node.consensusPubkey(), node.endpoints(), node.latestHeight());
    }

    private Optional<Transition> provisioning(ValidatorNode node, RuntimeReport report,
            Optional<StatusReading> reading, OptionalLong referenceHeight, Instant now) {
        if (report.state() == RuntimeReport.State.READY && reading.isPresent()) {
            StatusReading r = reading.get();
            if (!validPubkey(r.consensusPubkey())) {
                return Optional.of(fail(node, "node reported no valid ed25519 consensus public key"));
            }
            if (caughtUp(r, referenceHeight)) {
                return Optional
                        .of(Transition.of(node.provisioned(r.consensusPubkey(), report.endpoints(), r.height(), now),
                                new NodeChange.Provisioned(r.consensusPubkey(), report.endpoints(), r.height())));
            }
        }
        if (now.isAfter(node.createdAt().plus(provisionTimeout))) {
            return Optional.of(fail(node, "provisioning timed out after " + provisionTimeout.toSeconds() + "s: "
                    + stuck(report, reading, referenceHeight)));
        }
        return Optional.empty();
    }

    /** Why a node is not provisioned yet, from what this pass saw. */
    private static String stuck(RuntimeReport report, Optional<StatusReading> reading, OptionalLong referenceHeight) {
        if (report.state() != RuntimeReport.State.READY) {
            return "node not ready" + (report.detail() == null ? "" : " (" + report.detail() + ")");
        }
        if (reading.isEmpty()) {
            return "node /status unreachable, consensus public key unknown";
        }
        if (referenceHeight.isEmpty()) {
            return "reference node unreachable, chain height unknown";
        }
        return "node still catching up (height " + reading.get().height() + ", chain at "
                + referenceHeight.getAsLong() + ")";
    }

    private Optional<Transition> health(ValidatorNode node, RuntimeReport report, Optional<StatusReading> reading,
            OptionalLong referenceHeight, Instant now) {
        NodeStatus next;
        String detail;
        if (report.state() != RuntimeReport.State.READY || reading.isEmpty()) {
            next = NodeStatus.UNHEALTHY;
            detail = report.state() == RuntimeReport.State.READY
                    ? "status unreachable"
                    : report.detail() == null || report.detail().isBlank() ? "workload not ready" : report.detail();
        } else if (referenceHeight.isPresent()
                ? !caughtUp(reading.get(), referenceHeight)
                : reading.get().catchingUp()) {
            next = NodeStatus.SYNCING;
            detail = "catching up";
        } else {
            next = NodeStatus.RUNNING;
            detail = "in sync";
        }
        long height = reading.map(StatusReading::height).orElse(node.latestHeight());
        boolean due = node.lastHealthCheck() == null || !now.isBefore(node.lastHealthCheck().plus(healthInterval));
        if (next != node.status()) {
            boolean catchingUp = reading.map(StatusReading::catchingUp).orElse(true);
            return Optional.of(Transition.of(node.checked(next, height, now),
                    new NodeChange.HealthChanged(next, height, catchingUp, now, detail)));
        }
        return due ? Optional.of(Transition.of(node.checked(next, height, now))) : Optional.empty();
    }

    static boolean caughtUp(StatusReading reading, OptionalLong referenceHeight) {
        return referenceHeight.isPresent() && !reading.catchingUp()
                && reading.height() >= referenceHeight.getAsLong() - MAX_LAG_BLOCKS;
    }

    static boolean validPubkey(String base64) {
        try {
            return base64 != null && Base64.getDecoder().decode(base64).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Transition fail(ValidatorNode node, String reason) {
        String why = reason == null || reason.isBlank() ? "node failed" : reason;
        return Transition.of(node.failed(why), new NodeChange.Failed(why));
    }
}
