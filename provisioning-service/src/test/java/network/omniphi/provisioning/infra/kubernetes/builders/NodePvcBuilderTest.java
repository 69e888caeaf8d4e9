package network.omniphi.provisioning.infra.kubernetes.builders;

import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.NAME;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.SETUP;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

/** The node data PVC: one pod at a time, not owned, so it outlives the resource. */
class NodePvcBuilderTest {

    @Test
    void pvcIsReadWriteOncePodAndOutlivesTheResource() {
        PersistentVolumeClaim pvc = NodePvcBuilder.build(resource(true));

        assertThat(pvc.getMetadata().getName()).isEqualTo(NAME + "-data");
        assertThat(pvc.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(pvc.getMetadata().getAnnotations()).containsEntry("validators.omniphi.network/retain", "true");
        assertThat(pvc.getMetadata().getLabels()).containsEntry("validators.omniphi.network/setup-id", SETUP);
        assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOncePod");
        assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("20Gi");
    }
}
