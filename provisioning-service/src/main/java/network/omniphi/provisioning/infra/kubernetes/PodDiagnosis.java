package network.omniphi.provisioning.infra.kubernetes;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Reads a node pod's status: why it cannot run (its image cannot be pulled, a container cannot be created or keeps
 * crashing) and otherwise what it waits for. Init containers count as much as the node container: they run first
 * with the same image, so a bad image or a failing {@code init} shows there. Texts are built from the kubelet's
 * reason codes, container names, counts and the image reference only, never from its free-text messages (those can
 * echo registry answers or program output). Pure.
 */
final class PodDiagnosis {

    /** Restarts after which a container in CrashLoopBackOff counts as crash looping rather than starting slowly. */
    static final int CRASH_LOOP_RESTARTS = 5;

    private PodDiagnosis() {
    }

    private record Observed(String who, String image, ContainerStatus status) {
    }

    /** Why the pod cannot run, if retrying will not help; empty while it may still start. */
    static Optional<String> failure(Pod pod) {
        return failure(pod, Instant.now(), Duration.ZERO);
    }

    /**
     * As {@link #failure(Pod)}, but a failing image pull counts only once the pod is older than {@code pullGrace}
     * (the kubelet keeps retrying; a registry may be briefly unreachable). A pod of unknown age counts as old.
     */
    static Optional<String> failure(Pod pod, Instant now, Duration pullGrace) {
        boolean pullGraceOver = !age(pod, now).map(a -> a.compareTo(pullGrace) < 0).orElse(false);
        for (Observed c : containers(pod)) {
            Optional<String> failure = failure(c, pullGraceOver);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    /** What a pod that is neither failed nor ready waits for, for humans. */
    static String progress(Pod pod) {
        if (pod.getStatus().getConditions() != null) {
            var unscheduled = pod.getStatus().getConditions().stream()
                    .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())).findFirst();
            if (unscheduled.isPresent()) {
                String reason = code(unscheduled.get().getReason());
                return "pod not scheduled" + (reason.isEmpty() ? "" : ": " + reason);
            }
        }
        for (Observed c : containers(pod)) {
            ContainerStateWaiting waiting = waiting(c.status());
            if (waiting != null && !code(waiting.getReason()).isEmpty()) {
                int restarts = restarts(c.status());
                return c.who() + " waiting: " + code(waiting.getReason())
                        + (restarts > 0 ? " after " + restarts + " restarts" : "");
            }
        }
        return "pod not ready";
    }

    private static Optional<Duration> age(Pod pod, Instant now) {
        String created = pod.getMetadata() == null ? null : pod.getMetadata().getCreationTimestamp();
        if (created == null || created.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(Instant.parse(created), now));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> failure(Observed c, boolean pullGraceOver) {
        ContainerStateWaiting waiting = waiting(c.status());
        String reason = waiting == null ? "" : code(waiting.getReason());
        return switch (reason) {
            case "ErrImagePull", "ImagePullBackOff" -> pullGraceOver
                    ? Optional.of("cannot pull image " + c.image() + " for " + c.who() + " (" + reason + ")")
                    : Optional.empty();
            case "InvalidImageName" -> Optional.of("invalid image name " + c.image() + " for " + c.who());
            case "CreateContainerConfigError" ->
                Optional.of(c.who() + " cannot be created from its configuration (" + reason + ")");
            case "CrashLoopBackOff" -> restarts(c.status()) >= CRASH_LOOP_RESTARTS
                    ? Optional.of(c.who() + " keeps crashing: " + restarts(c.status()) + " restarts" + lastExit(c))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String lastExit(Observed c) {
        ContainerStateTerminated last = c.status().getLastState() == null
                ? null
                : c.status().getLastState().getTerminated();
        if (last == null || last.getExitCode() == null) {
            return "";
        }
        String reason = code(last.getReason());
        return ", last exit code " + last.getExitCode() + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    private static List<Observed> containers(Pod pod) {
        List<Observed> all = new ArrayList<>();
        add(all, "init container ", pod.getStatus().getInitContainerStatuses());
        add(all, "container ", pod.getStatus().getContainerStatuses());
        return all;
    }

    private static void add(List<Observed> all, String kind, List<ContainerStatus> statuses) {
        if (statuses != null) {
            for (ContainerStatus s : statuses) {
                String image = s.getImage() == null || s.getImage().isBlank() ? "(unknown)" : s.getImage();
                all.add(new Observed(kind + s.getName(), image, s));
            }
        }
    }

    private static ContainerStateWaiting waiting(ContainerStatus status) {
        return status.getState() == null ? null : status.getState().getWaiting();
    }

    /** Restarts of the pod's (non-init) containers, as the kubelet counts them in the pod status. */
    static int restarts(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return pod.getStatus().getContainerStatuses().stream().mapToInt(PodDiagnosis::restarts).sum();
    }

    private static int restarts(ContainerStatus status) {
        return status.getRestartCount() == null ? 0 : status.getRestartCount();
    }

    /** A kubelet reason is a CamelCase code; anything else in it is dropped. */
    private static String code(String reason) {
        if (reason == null) {
            return "";
        }
        String clean = reason.replaceAll("[^A-Za-z0-9]", "");
        return clean.length() > 63 ? clean.substring(0, 63) : clean;
    }
}
