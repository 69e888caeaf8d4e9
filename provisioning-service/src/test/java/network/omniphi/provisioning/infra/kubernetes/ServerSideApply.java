package network.omniphi.provisioning.infra.kubernetes;

import java.lang.reflect.Field;
import java.util.function.Consumer;

import io.fabric8.mockwebserver.DefaultMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * Server-side apply for the fabric8 mock API server in CRUD mode, which answers {@code application/apply-patch+yaml}
 * with 415. As the API server does for the fully specified objects the provisioner applies: an apply to a missing
 * object creates it, an apply to an existing one merges the applied fields into it. Everything else (watches
 * included) goes to the CRUD dispatcher unchanged. Use as {@code @WithKubernetesTestServer(crud = true, setup =
 * ServerSideApply.class)}.
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
            return crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PATCH, bare,
                    io.fabric8.mockwebserver.http.Headers.builder()
                            .add("Content-Type", "application/merge-patch+json").build(),
                    request.getBody()));
        }
    }
}
