package network.omniphi.provisioning.infra.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.mockwebserver.DefaultMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * Server-side apply for the fabric8 mock API server in CRUD mode, which answers {@code application/apply-patch+yaml}
 * with 415. As the API server does for the fully specified objects the provisioner applies with its one field
 * manager: an apply to a missing object creates it; an apply to an existing one sets every applied field, merging
 * maps key by key and replacing lists whole. For one manager that applies whole lists this is what the API server
 * does (Kubernetes docs, "Server-Side Apply", merge strategy: atomic lists are replaced; map-type lists such as
 * containers merge by key, and with every item applied each time the result is the applied list). It is sent to the
 * CRUD dispatcher as a PUT of the merged object: the mock's own merge patch appends to lists (Jackson's
 * {@code readerForUpdating}, fabric8 7.5 {@code KubernetesCrudPersistence.merge}), so a second apply of an unchanged
 * object would double every list. Not emulated: fields a manager stops applying are not removed. Everything else
 * (watches included) goes to the CRUD dispatcher unchanged. Use as {@code @WithKubernetesTestServer(crud = true,
 * setup = ServerSideApply.class)}.
 */
public class ServerSideApply implements Consumer<KubernetesServer> {

    @Override
    public void accept(KubernetesServer server) {
        install(server.getKubernetesMockServer());
    }

    /** Adds server-side apply to a running mock server. */
    public static void install(DefaultMockServer mock) {
        try {
            Field serverField = DefaultMockServer.class.getDeclaredField("server");
            serverField.setAccessible(true);
            MockWebServer web = (MockWebServer) serverField.get(mock);
            Field dispatcherField = MockWebServer.class.getDeclaredField("dispatcher");
            dispatcherField.setAccessible(true);
            Dispatcher crud = (Dispatcher) dispatcherField.get(web);
            web.setDispatcher(new ApplyDispatcher(crud));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot add server-side apply to the mock API server", e);
        }
    }

    static final class ApplyDispatcher extends Dispatcher {
        private final Dispatcher crud;

        ApplyDispatcher(Dispatcher crud) {
            this.crud = crud;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String type = request.getHeader("Content-Type");
            if (!"PATCH".equalsIgnoreCase(request.getMethod()) || type == null || !type.contains("apply-patch")) {
                return crud.dispatch(request);
            }
            String path = request.getPath();
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            MockResponse existing = crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, bare,
                    io.fabric8.mockwebserver.http.Headers.builder().build(),
                    new io.fabric8.mockwebserver.http.Buffer()));
            if (existing.code() == 404) {
                String collection = bare.substring(0, bare.lastIndexOf('/'));
                return crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collection,
                        io.fabric8.mockwebserver.http.Headers.builder().add("Content-Type", "application/json")
                                .build(),
                        request.getBody()));
            }
            ObjectNode merged = (ObjectNode) read(existing.getBody().getBytes());
            setApplied(merged, (ObjectNode) read(request.getBody().getBytes()));
            return crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, bare,
                    io.fabric8.mockwebserver.http.Headers.builder().add("Content-Type", "application/json").build(),
                    new io.fabric8.mockwebserver.http.Buffer(write(merged))));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sets each applied field on {@code live}: objects are merged field by field, anything else replaces. */
    static void setApplied(ObjectNode live, ObjectNode applied) {
        for (Iterator<Map.Entry<String, JsonNode>> it = applied.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = live.get(field.getKey());
            if (current instanceof ObjectNode object && field.getValue() instanceof ObjectNode nested) {
                setApplied(object, nested);
            } else {
                live.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
