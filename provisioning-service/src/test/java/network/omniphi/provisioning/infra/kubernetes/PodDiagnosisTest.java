package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

/** Pod status → failure reason or progress text, for the statuses the kubelet reports on a node's pod. */
class PodDiagnosisTest {

    private static final String IMAGE = "ghcr.io/omniphi/dev-node:0.1.0";

    @Test
    void anImageThatCannotBePulledFailsTheInitContainerFirst() {
        Pod pod = pod(NodePods.imagePullBackOff(IMAGE));

        assertThat(PodDiagnosis.failure(pod))
                .contains("cannot pull image " + IMAGE + " for init container init-home (ImagePullBackOff)");
    }

    @Test
    void errImagePullOfTheNodeContainerIsAFailureToo() {
        Pod pod = pod(status(new ContainerStatusBuilder().withName("node").withImage(IMAGE).withNewState()
                .withNewWaiting().withReason("ErrImagePull")
                .withMessage("pull access denied, " + NodePods.KUBELET_SECRET)
                .endWaiting().endState().build()));

        assertThat(PodDiagnosis.failure(pod))
                .contains("cannot pull image " + IMAGE + " for container node (ErrImagePull)");
    }

    @Test
    void aFailingPullIsWaitedOutForTheGraceThenFailsTheNode() {
        Instant created = Instant.parse("2026-11-28T10:00:00Z");
        Pod pod = new PodBuilder(pod(NodePods.imagePullBackOff(IMAGE))).editOrNewMetadata()
                .withCreationTimestamp(created.toString()).endMetadata().build();
        Duration grace = Duration.ofMinutes(2);

        assertThat(PodDiagnosis.failure(pod, created.plusSeconds(119), grace)).isEmpty();
        assertThat(PodDiagnosis.progress(pod)).isEqualTo("init container init-home waiting: ImagePullBackOff");
        assertThat(PodDiagnosis.failure(pod, created.plusSeconds(120), grace))
                .contains("cannot pull image " + IMAGE + " for init container init-home (ImagePullBackOff)");
    }

    @Test
    void permanentErrorsDoNotWaitForThePullGrace() {
        Instant created = Instant.parse("2026-11-28T10:00:00Z");
        Pod invalid = new PodBuilder(pod(status(new ContainerStatusBuilder().withName("node").withImage("Bad Image")
                .withNewState().withNewWaiting().withReason("InvalidImageName").endWaiting().endState().build())))
                .editOrNewMetadata().withCreationTimestamp(created.toString()).endMetadata().build();

        assertThat(PodDiagnosis.failure(invalid, created.plusSeconds(1), Duration.ofMinutes(2)))
                .contains("invalid image name Bad Image for container node");
    }

    @Test
    void invalidImageNamesAndContainerConfigErrorsAreNamedForWhatTheyAre() {
        Pod invalid = pod(status(new ContainerStatusBuilder().withName("node").withImage("Bad Image").withNewState()
                .withNewWaiting().withReason("InvalidImageName").endWaiting().endState().build()));
        Pod config = pod(status(new ContainerStatusBuilder().withName("node").withImage(IMAGE).withNewState()
                .withNewWaiting().withReason("CreateContainerConfigError")
                .withMessage("secret \"x\" not found " + NodePods.KUBELET_SECRET).endWaiting().endState().build()));

        assertThat(PodDiagnosis.failure(invalid)).contains("invalid image name Bad Image for container node");
        assertThat(PodDiagnosis.failure(config))
                .contains("container node cannot be created from its configuration (CreateContainerConfigError)");
    }

    @Test
    void aCrashLoopFailsOnlyAfterRepeatedRestartsAndTellsTheLastExit() {
        Pod starting = pod(NodePods.crashLoopBackOff(IMAGE, PodDiagnosis.CRASH_LOOP_RESTARTS - 1));
        Pod looping = pod(NodePods.crashLoopBackOff(IMAGE, PodDiagnosis.CRASH_LOOP_RESTARTS));

        assertThat(PodDiagnosis.failure(starting)).isEmpty();
        assertThat(PodDiagnosis.progress(starting)).isEqualTo("container node waiting: CrashLoopBackOff after "
                + (PodDiagnosis.CRASH_LOOP_RESTARTS - 1) + " restarts");
        assertThat(PodDiagnosis.failure(looping)).contains("container node keeps crashing: "
                + PodDiagnosis.CRASH_LOOP_RESTARTS + " restarts, last exit code 137 (OOMKilled)");
    }

    @Test
    void anInitContainerInACrashLoopIsAFailure() {
        Pod pod = pod(new PodStatusBuilder().withInitContainerStatuses(new ContainerStatusBuilder()
                .withName("init-home").withImage(IMAGE).withRestartCount(7).withNewState().withNewWaiting()
                .withReason("CrashLoopBackOff").endWaiting().endState().withNewLastState().withNewTerminated()
                .withExitCode(1).withReason("Error").endTerminated().endLastState().build()).build());

        assertThat(PodDiagnosis.failure(pod))
                .contains("init container init-home keeps crashing: 7 restarts, last exit code 1 (Error)");
    }

    @Test
    void aPodOnItsWayIsNoFailureAndSaysWhatItWaitsFor() {
        assertThat(PodDiagnosis.failure(pod(NodePods.creating(IMAGE)))).isEmpty();
        assertThat(PodDiagnosis.progress(pod(NodePods.creating(IMAGE))))
                .isEqualTo("init container init-home waiting: ContainerCreating");
        assertThat(PodDiagnosis.progress(pod(NodePods.unschedulable()))).isEqualTo("pod not scheduled: Unschedulable");
        assertThat(PodDiagnosis.progress(pod(new PodStatusBuilder().withPhase("Running").build())))
                .isEqualTo("pod not ready");
    }

    @Test
    void kubeletMessagesNeverReachAReason() {
        for (PodStatus status : new PodStatus[]{NodePods.imagePullBackOff(IMAGE),
                NodePods.crashLoopBackOff(IMAGE, 9), NodePods.unschedulable()}) {
            Pod pod = pod(status);
            assertThat(PodDiagnosis.failure(pod).orElse("") + PodDiagnosis.progress(pod)).doesNotContain("hunter2");
        }
    }

    private static PodStatus status(io.fabric8.kubernetes.api.model.ContainerStatus node) {
        return new PodStatusBuilder().withPhase("Pending").withContainerStatuses(node).build();
    }

    private static Pod pod(PodStatus status) {
        return new PodBuilder().withNewMetadata().withName("vn-a-node-0").endMetadata().withStatus(status).build();
    }
}
