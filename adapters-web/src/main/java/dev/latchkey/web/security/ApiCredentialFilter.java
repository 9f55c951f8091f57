package dev.latchkey.web.security;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.RateLimitStatus;
import dev.latchkey.domain.apikey.TrustedProxies;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.Ids;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.web.error.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the credentials of a /v1 request (PRODUCT.md §3): {@code Authorization: Bearer <key-or-jwt>} or
 * {@code X-Api-Key}. A request without credentials passes on unauthenticated (the entry point answers
 * {@code auth_missing} where they are needed); bad credentials are answered here, as problem+json.
 * <p>
 * Every authenticated response carries the caller's rate limit ({@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} in seconds, as in the IETF RateLimit header fields draft), errors included; a request over
 * the limit is answered 429 {@code rate_limited} with {@code Retry-After}.
 */
public class ApiCredentialFilter extends OncePerRequestFilter {

    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";
    static final String VERIFY_PATH = "/v1/keys/verify";
    public static final String WORKSPACE_HEADER = "Latchkey-Workspace";
    public static final String ENVIRONMENT_HEADER = "Latchkey-Environment";
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RATE_LIMIT_RESET = "RateLimit-Reset";

    private static final Pattern KEY_LIKE = Pattern.compile("(?:pk|sk|rk)_(?:live|test)_.*");
    private static final Set<String> KEY_PARAMETERS = Set.of("api_key", "apikey", "key", "access_token", "token",
            "x-api-key");

    private final AuthenticateApiKeyUseCase apiKeys;
    private final ResolveUserCallerUseCase users;
    private final JwtTokens tokens;
    private final ApiProblems problems;
    private final Set<String> publicPaths;
    private final Clock clock;
    private final TrustedProxies proxies;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public ApiCredentialFilter(AuthenticateApiKeyUseCase apiKeys, ResolveUserCallerUseCase users, JwtTokens tokens,
                               ApiProblems problems, Set<String> publicPaths, Clock clock, TrustedProxies proxies) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.tokens = tokens;
        this.problems = problems;
        this.publicPaths = Set.copyOf(publicPaths);
        this.clock = clock;
        this.proxies = proxies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Authentication> authentication;
        try {
            authentication = authentication(request);
        } catch (RuntimeException e) {
            problems.writeFailure(response, e, "authenticate a /v1 request");
            return;
        }
        if (authentication.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitStatus rateLimit = authentication.get().rateLimit();
        if (rateLimit != null) {
            writeRateLimit(response, rateLimit);
            if (!rateLimit.allowed()) {
                long retryAfter = Math.max(1, rateLimit.retryAfterSeconds());
                response.setHeader("Retry-After", Long.toString(retryAfter));
                problems.write(response, problems.problem(ErrorCode.RATE_LIMITED, "rate limit of "
                        + rateLimit.limit() + " requests per minute exceeded; retry after " + retryAfter + " s"));
                return;
            }
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(authentication.get().caller()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private void writeRateLimit(HttpServletResponse response, RateLimitStatus rateLimit) {
        response.setHeader(RATE_LIMIT_LIMIT, Integer.toString(rateLimit.limit()));
        response.setHeader(RATE_LIMIT_REMAINING, Integer.toString(rateLimit.remaining()));
        // whole seconds rounded up can reach 61 at the start of a window, which is one minute long
        long reset = Math.min(60, rateLimit.resetAfterSeconds(clock.instant().getEpochSecond()));
        response.setHeader(RATE_LIMIT_RESET, Long.toString(reset));
    }

    /** The request's authentication; empty on the public paths and when it carries no credentials at all. */
    private Optional<Authentication> authentication(HttpServletRequest request) {
        refuseKeyInQuery(request);
        if (publicPaths.contains(request.getRequestURI())) {
            return Optional.empty();
        }
        return credential(request).map(credential -> authenticate(credential, request));
    }

    /** A credential and where it came from: only {@code Authorization: Bearer} may carry a JWT. */
    private record Presented(String value, boolean bearer) {
        @Override
        public String toString() {
            return "Presented[redacted]";
        }
    }

    /** Only the URL's own query string counts (not form fields of a body); it is never logged. */
    private static void refuseKeyInQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (KEY_PARAMETERS.contains(name) || KEY_LIKE.matcher(value).matches()) {
                throw new DomainException(ErrorCode.KEY_IN_QUERY,
                        "API keys must not be sent in the URL; use the Authorization or X-Api-Key header");
            }
        }
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return part;
        }
    }

    private static Optional<Presented> credential(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(API_KEY_HEADER);
        String bearer = null;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
                throw new DomainException(ErrorCode.AUTH_MISSING,
                        "missing or malformed Authorization header; use Authorization: Bearer <key>");
            }
            bearer = authorization.substring(7).strip();
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new DomainException(ErrorCode.AUTH_MISSING, "the X-Api-Key header is empty");
        }
        if (bearer != null && apiKey != null && !bearer.equals(apiKey.strip())) {
            throw new DomainException(ErrorCode.AUTH_AMBIGUOUS,
                    "Authorization and X-Api-Key carry different credentials; send one");
        }
        if (bearer != null) {
            return Optional.of(new Presented(bearer, true));
        }
        return Optional.ofNullable(apiKey).map(key -> new Presented(key.strip(), false));
    }

    private Authentication authenticate(Presented credential, HttpServletRequest request) {
        if (credential.bearer() && looksLikeJwt(credential.value())) {
            UserId userId = tokens.verify(credential.value());
            return users.authenticate(userId, workspace(request), environment(request), clientAddress(request));
        }
        return isVerify(request) ? apiKeys.authenticateToVerify(credential.value(), clientAddress(request))
                : apiKeys.authenticate(credential.value(), clientAddress(request));
    }

    /** {@code POST /v1/keys/verify}, the one route a live key of a locked workspace may still call. */
    private static boolean isVerify(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && VERIFY_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private String clientAddress(HttpServletRequest request) {
        return proxies.clientAddress(request.getRemoteAddr(), request.getHeader(FORWARDED_FOR_HEADER));
    }

    /** A compact JWS: three dot-separated parts, the header being base64url JSON ({@code eyJ…}). */
    private static boolean looksLikeJwt(String value) {
        return value.startsWith("eyJ") && value.chars().filter(c -> c == '.').count() == 2;
    }

    private static Optional<WorkspaceId> workspace(HttpServletRequest request) {
        String value = request.getHeader(WORKSPACE_HEADER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!Ids.looksLike(WorkspaceId.PREFIX, value.strip())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "workspace not found");
        }
        return Optional.of(new WorkspaceId(value.strip()));
    }

    /** The environment a user chose; empty without the header (the use case picks the default). */
    private static Optional<Environment> environment(HttpServletRequest request) {
        String value = request.getHeader(ENVIRONMENT_HEADER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Environment.fromCode(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new DomainException(ErrorCode.BAD_REQUEST, ENVIRONMENT_HEADER + " must be live or test")));
    }
}
