package dev.latchkey.web.openapi;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.domain.apikey.RequestSignature;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.web.error.ApiProblems;
import dev.latchkey.web.security.ApiCredentialFilter;
import dev.latchkey.web.security.IdempotencyFilter;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 description of the /v1 API (springdoc: {@code /v3/api-docs}, Swagger UI at {@code /docs}).
 * Which credentials an endpoint takes, and so its security, is read from the type of its {@link Caller} parameter
 * (the same type that enforces the endpoint matrix); every operation lists the problem+json errors it can answer.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String BEARER = "bearer";
    public static final String API_KEY = "apiKey";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String RETRY_AFTER = "Retry-After";
    static final String LOCATION = "Location";
    private static final Map<Integer, String> CODES_BY_STATUS = codesByStatus();

    static {
        // the caller is resolved from the credentials, never from the request's parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, Caller.KeyCaller.class,
                Caller.UserCaller.class);
    }

    @Bean
    OpenAPI latchkeyOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Latchkey API")
                        .version("v1")
                        .description("Issue, scope, rate-limit, roll and revoke API keys, and verify the keys "
                                + "presented to your own services. Every error is application/problem+json with a "
                                + "machine `code`; every authenticated response carries `RateLimit-Limit`, "
                                + "`RateLimit-Remaining` and `RateLimit-Reset`.")
                        .license(new License().name("Self-hosted")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("`Authorization: Bearer <key-or-token>`: an API key, or a user token "
                                        + "(JWT) from POST /v1/auth/login"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name(ApiCredentialFilter.API_KEY_HEADER)
                                .description("An API key in `X-Api-Key`"))
                        .addHeaders(ApiCredentialFilter.RATE_LIMIT_LIMIT,
                                header("The caller's limit, in requests per minute", "integer"))
                        .addHeaders(ApiCredentialFilter.RATE_LIMIT_REMAINING,
                                header("Requests left in the current window", "integer"))
                        .addHeaders(ApiCredentialFilter.RATE_LIMIT_RESET,
                                header("Seconds until the window resets", "integer"))
                        .addHeaders(RETRY_AFTER, header("Seconds to wait before retrying", "integer"))
                        .addHeaders(IdempotencyFilter.REPLAYED,
                                header("`true` when this is the stored response of an earlier request with the "
                                        + "same `Idempotency-Key`", "string"))
                        .addHeaders(LOCATION, header("The URL of the key", "string")));
    }

    /** The problem+json schemas every error response refers to. */
    @Bean
    OpenApiCustomizer latchkeyProblemSchemas() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            boolean openApi31 = openApi.getOpenapi() != null && openApi.getOpenapi().startsWith("3.1");
            ModelConverters.getInstance(openApi31).readAll(new AnnotatedType(ProblemResponse.class))
                    .forEach(components::addSchemas);
            Object code = components.getSchemas().get(PROBLEM_SCHEMA).getProperties().get("code");
            if (code instanceof Schema<?> schema) {
                @SuppressWarnings("unchecked")
                Schema<Object> codes = (Schema<Object>) schema;
                codes.setEnum(Arrays.stream(ErrorCode.values()).<Object>map(ErrorCode::code).toList());
            }
            openApi.setComponents(components);
            // an annotated error response gets the handler's return type from springdoc; every error is a problem
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        operation.getResponses().forEach((status, response) -> {
                            if (status.length() == 3 && status.charAt(0) >= '4') {
                                response.setContent(problemContent());
                            }
                        });
                    }
                }));
            }
        };
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    /** Security, the headers a caller may send, the rate limit headers and the errors, per operation. */
    @Bean
    OperationCustomizer latchkeyOperations() {
        return (operation, handler) -> {
            Optional<Class<?>> callerType = Arrays.stream(handler.getMethodParameters())
                    .map(MethodParameter::getParameterType)
                    .filter(Caller.class::isAssignableFrom)
                    .<Class<?>>map(type -> type)
                    .findFirst();
            boolean post = handler.hasMethodAnnotation(PostMapping.class);
            boolean body = has(handler, RequestBody.class);
            Set<Integer> errors = new TreeSet<>(List.of(400, 500, 503));
            if (body) {
                errors.addAll(List.of(413, 422));
            }
            if (has(handler, RequestParam.class)) {
                errors.add(422);
            }
            if (has(handler, PathVariable.class)) {
                errors.add(404);
            }
            if (post) {
                errors.add(409);
            }
            callerType.ifPresent(type -> {
                authenticated(operation, type, post);
                errors.addAll(List.of(401, 403, 429));
            });
            errors(operation, errors, callerType.isPresent(), post);
            return operation;
        };
    }

    private static boolean has(HandlerMethod handler, Class<? extends Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }

    private static void authenticated(Operation operation, Class<?> callerType, boolean post) {
        String credentials;
        if (callerType == Caller.UserCaller.class) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            credentials = "User tokens only (API keys are refused with `auth_invalid`).";
        } else if (callerType == Caller.KeyCaller.class) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER),
                    new SecurityRequirement().addList(API_KEY)));
            credentials = "API keys only (user tokens are refused with `auth_invalid`).";
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER),
                    new SecurityRequirement().addList(API_KEY)));
            credentials = "An API key or a user token.";
        }
        operation.setDescription(operation.getDescription() == null ? credentials
                : operation.getDescription() + "\n\n" + credentials);
        if (callerType != Caller.KeyCaller.class) {
            addHeader(operation, ApiCredentialFilter.ENVIRONMENT_HEADER,
                    "User tokens: the environment to act in (`live` or `test`, default `test`)", "string");
            addHeader(operation, ApiCredentialFilter.WORKSPACE_HEADER,
                    "User tokens: the workspace to act in (`ws_…`, default the user's first)", "string");
        }
        addHeader(operation, RequestSignature.HEADER, "`sha256=<hex>` or `t=<unix seconds>,sha256=<hex>`: "
                + "HMAC-SHA256 of the raw body with a signing secret key; required for keys created with "
                + "`signing: true`", "string");
        if (post) {
            addHeader(operation, IdempotencyFilter.IDEMPOTENCY_KEY, "Up to 255 printable ASCII characters: a retry "
                    + "with the same key and body within 24 h replays the first response "
                    + "(`Idempotent-Replayed: true`)", "string");
        }
    }

    private static void addHeader(Operation operation, String name, String description, String type) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        if (parameters.stream().noneMatch(p -> name.equalsIgnoreCase(p.getName()))) {
            parameters.add(new HeaderParameter().name(name).required(false).description(description)
                    .schema(schema(type)));
        }
        operation.setParameters(parameters);
    }

    /** Each error status with the codes that answer it, as problem+json; the headers of every response. */
    private static void errors(Operation operation, Set<Integer> statuses, boolean authenticated, boolean post) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (int status : statuses) {
            String key = Integer.toString(status);
            ApiResponse response = responses.get(key);
            if (response == null) {
                response = new ApiResponse().description(describe(status, authenticated));
                responses.addApiResponse(key, response);
            }
            response.setContent(problemContent());
            if (status == 429) {
                response.addHeaderObject(RETRY_AFTER, headerRef(RETRY_AFTER));
            }
        }
        responses.forEach((code, response) -> {
            if (code.equals("201")) {
                response.addHeaderObject(LOCATION, headerRef(LOCATION));
            }
            if (authenticated && post && code.startsWith("2")) {
                response.addHeaderObject(IdempotencyFilter.REPLAYED, headerRef(IdempotencyFilter.REPLAYED));
            }
            if (authenticated) {
                for (String header : List.of(ApiCredentialFilter.RATE_LIMIT_LIMIT,
                        ApiCredentialFilter.RATE_LIMIT_REMAINING, ApiCredentialFilter.RATE_LIMIT_RESET)) {
                    response.addHeaderObject(header, headerRef(header));
                }
            }
        });
        operation.setResponses(responses);
    }

    private static Header header(String description, String type) {
        return new Header().description(description).schema(schema(type));
    }

    private static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    /** A schema of a JSON type, valid in OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) alike. */
    private static Schema<?> schema(String type) {
        return new Schema<>().type(type).types(Set.of(type));
    }

    /** The codes of each status that an authenticated request may get ({@code credentials_invalid} is login's). */
    private static Map<Integer, String> codesByStatus() {
        Map<Integer, List<String>> codes = new TreeMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            if (code == ErrorCode.CREDENTIALS_INVALID) {
                continue;
            }
            codes.computeIfAbsent(ApiProblems.status(code).value(), status -> new ArrayList<>())
                    .add("`" + code.code() + "`");
        }
        Map<Integer, String> described = new LinkedHashMap<>();
        codes.forEach((status, list) -> described.put(status, String.join(", ", list)));
        return described;
    }

    private static String describe(int status, boolean authenticated) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        String codes = switch (status) {
            case 400 -> authenticated ? CODES_BY_STATUS.get(status) : "`bad_request`, `key_in_query`";
            case 409 -> authenticated ? CODES_BY_STATUS.get(status) : "`conflict`";
            default -> CODES_BY_STATUS.get(status);
        };
        return codes == null ? reason : reason + ": " + codes;
    }
}
