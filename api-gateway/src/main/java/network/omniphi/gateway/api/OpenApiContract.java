package network.omniphi.gateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.omniphi.commons.problem.Problem;
import network.omniphi.gateway.api.security.PublicPaths;

/**
 * Completes the generated OpenAPI document so that every operation states the whole contract, from one place rather
 * than repeated on each resource method:
 * <ul>
 * <li>the {@code bearer} security scheme (HTTP bearer, JWT), required on exactly the routes
 * {@link PublicPaths#requiresToken} protects, so {@code /docs} shows an Authorize button and a lock on each of them;</li>
 * <li>the RFC 9457 {@code Problem} schema as {@code application/problem+json} content of every error answer, and the
 * error answers every operation can give (400, 429, 500; 401 and 403 on token routes);</li>
 * <li>request and response examples from {@code openapi/examples.json}, keyed by operationId.</li>
 * </ul>
 * Registered with {@code mp.openapi.filter}; OpenApiContractTest reads the served document and fails on any operation
 * without an operationId, examples or the problem schema.
 */
public class OpenApiContract implements OASFilter {

    public static final String BEARER = "bearer";
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String EXAMPLES = "openapi/examples.json";

    private final Map<String, Map<String, Object>> examples = loadExamples();

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description(
                        "Access token from POST /api/v1/auth/login (ADR-036 wallet signature, see docs/auth.md)."));
        api.getComponents().addSchema("FieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The request field, header or parameter that is wrong"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message")));
        api.getComponents().addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with the suite's extensions code, traceId and errors")
                .addProperty("type", string("URI of the problem type, " + Problem.TYPE_BASE + "<code>"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("What happened, for a person"))
                .addProperty("instance", string("The request path"))
                .addProperty("code", string("Stable machine-readable problem code"))
                .addProperty("traceId", string("Correlates with the server's logs"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status")));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, op) -> complete(path, method, op)));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation op) {
        boolean secured = PublicPaths.requiresToken(method.name(), path);
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        if (secured) {
            op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
            ensure(responses, "401", "Missing, expired or invalid access token");
            ensure(responses, "403", "The resource belongs to another wallet");
        }
        ensure(responses, "400", "Invalid field(s); errors[] names each one");
        ensure(responses, "429", "Rate limit exceeded; Retry-After says when to retry");
        ensure(responses, "500", "Unexpected server error");
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code)) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))
                                .example(problemExample(code, path))));
            }
        });
        Map<String, Object> ex = op.getOperationId() == null ? null : examples.get(op.getOperationId());
        if (ex == null) {
            return;
        }
        if (ex.get("request") != null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> m.setExample(ex.get("request")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) ex.getOrDefault("responses", Map.of());
        answers.forEach((code, example) -> {
            APIResponse response = responses.getAPIResponse(code);
            if (response == null) {
                response = OASFactory.createAPIResponse().description("OK");
                responses.addAPIResponse(code, response);
            }
            Content content = response.getContent();
            if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
                content = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType());
                response.setContent(content);
            }
            for (MediaType m : content.getMediaTypes().values()) {
                m.setExample(example);
            }
        });
    }

    private static void ensure(APIResponses responses, String code, String description) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static Map<String, Object> problemExample(String code, String path) {
        int status = Integer.parseInt(code);
        String problem = switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "token-missing";
            case 403 -> "forbidden";
            case 404 -> "setup-not-found";
            case 409 -> "setup-conflict";
            case 413 -> "payload-too-large";
            case 422 -> "rule-violation";
            case 429 -> "rate-limited";
            case 503 -> "downstream-unavailable";
            default -> "internal-error";
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.TYPE_BASE + problem);
        body.put("title", switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict with the current state";
            case 422 -> "Rule violation";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> "Internal error";
        });
        body.put("status", status);
        body.put("detail", status == 400 ? "One or more fields are invalid." : "See title.");
        body.put("instance", path);
        body.put("code", problem);
        if (status == 400) {
            body.put("errors", List.of(Map.of("field", "validatorName", "message", "is required")));
        }
        return body;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Map<String, Map<String, Object>> loadExamples() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? OpenApiContract.class.getClassLoader() : loader)
                .getResourceAsStream(EXAMPLES)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLES + " is missing from the classpath");
            }
            return new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
