package network.omniphi.provisioning.infra.kubernetes.builders;

import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.NAME;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.SETUP;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.TOOLS;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.assertOwnedAndLabelled;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.gaia;
import static network.omniphi.provisioning.infra.kubernetes.builders.NodeFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;
import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeSpec;

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
