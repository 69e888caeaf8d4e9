package network.omniphi.provisioning.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

import network.omniphi.provisioning.domain.NodeRecords;
import network.omniphi.provisioning.domain.ProvisioningException;

/** Internal read endpoint: the provisioner's view of one node (operations, the local stack's scripts). */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    private final NodeRecords nodes;

    public NodeResource(NodeRecords nodes) {
        this.nodes = nodes;
    }

    @GET
    @Path("/{setupRequestId}")
    @WithSession
    public Uni<NodeView> node(
            @PathParam("setupRequestId") @Pattern(regexp = "[A-Za-z0-9._-]{1,128}", message = "must be 1..128 characters of [A-Za-z0-9._-]") String setupRequestId) {
        return nodes.node(setupRequestId).map(node -> {
            if (node == null) {
                throw new ProvisioningException.NodeNotFound(setupRequestId);
            }
            return NodeView.of(node);
        });
    }
}
