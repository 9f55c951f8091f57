package dev.latchkey.app.benchmark;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.web.apikey.VerifyKeyRequest;
import dev.latchkey.web.apikey.VerifyKeyResponse;
import dev.latchkey.web.error.ApiProblems;
import dev.latchkey.web.security.ApiCredentialFilter;
import dev.latchkey.web.workspace.WorkspaceResponse;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark-only endpoints (profile {@code benchmark}, no credentials; see {@link BenchmarkConfiguration}):
 * unauthenticated counterparts of {@code GET /v1/workspace} and {@code POST /v1/keys/verify}, and what a load run
 * needs to set itself up and to measure.
 */
@Hidden
@RestController
@Profile(BenchmarkConfiguration.PROFILE)
@RequestMapping("/v1/bench")
class BenchmarkController {

    static final int MAX_UNKNOWN_KEYS = 100_000;

    /** Stands for the key a real request would carry; only its workspace and environment matter to the use case. */
    private static final ApiKeyId STAND_IN_KEY = ApiKeyId.newId();
    /** The shape of a real key id, for the echo. */
    private static final String ECHO_KEY_ID = ApiKeyId.newId().value();
    /** What a secret key holds: every platform scope, sorted, as a verify answer about one lists them. */
    private static final List<String> ECHO_SCOPES = Scope.PLATFORM.stream().map(Scope::value).sorted().toList();
    private static final int ECHO_LIMIT = 1_000_000_000;

    private final GetWorkspaceUseCase workspaces;
    private final SwitchableUsageRecorder usage;
    private final StatementCounter statements;
    private final ApiProblems problems;
    private final JdbcTemplate jdbc;
    private final SecureRandom random;
    private final Clock clock;

    BenchmarkController(GetWorkspaceUseCase workspaces, SwitchableUsageRecorder usage, StatementCounter statements,
                        ApiProblems problems, DataSource dataSource, SecureRandom random, Clock clock) {
        this.workspaces = workspaces;
        this.usage = usage;
        this.statements = statements;
        this.problems = problems;
        this.jdbc = new JdbcTemplate(dataSource);
        this.random = random;
        this.clock = clock;
    }

    /**
     * {@code GET /v1/workspace} without credentials: the same use case and response, for the workspace named in the
     * path and the environment of the {@code Latchkey-Environment} header (default test).
     */
    @GetMapping("/workspaces/{workspaceId}")
    WorkspaceResponse workspace(@PathVariable String workspaceId,
                                @RequestHeader(name = ApiCredentialFilter.ENVIRONMENT_HEADER, required = false)
                                String environment) {
        Environment env = environment == null ? Environment.TEST
                : Environment.fromCode(environment.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                        new DomainException(ErrorCode.BAD_REQUEST, "Latchkey-Environment must be live or test"));
        Caller caller = new Caller.KeyCaller(STAND_IN_KEY, "sk_test_benc", KeyType.RESTRICTED,
                new WorkspaceId(workspaceId), env, Set.of(Scope.WORKSPACE_READ), 1, false);
        return WorkspaceResponse.from(workspaces.get(caller), env);
    }

    /**
     * The counterpart of {@code POST /v1/keys/verify}: reads the same request body and answers a body of the same
     * shape and size as a VALID answer about a secret key, without looking anything up.
     */
    @PostMapping("/echo")
    VerifyKeyResponse echo(@RequestBody VerifyKeyRequest body) {
        String key = body.key() == null ? "" : body.key();
        String type = key.length() >= 2 ? key.substring(0, 2) : "sk";
        String environment = key.length() >= 7 ? key.substring(3, 7) : "test";
        long reset = clock.instant().getEpochSecond() + 60;
        return new VerifyKeyResponse(true, "VALID", ECHO_KEY_ID, "bench-target", type, environment, ECHO_SCOPES,
                null, new VerifyKeyResponse.RateLimit(ECHO_LIMIT, ECHO_LIMIT - 1, reset));
    }

    record PlanChange(String plan) {
    }

    /** Sets a workspace's plan (there is no API for it yet); answers the workspace as it now is. */
    @PutMapping("/workspaces/{workspaceId}/plan")
    WorkspaceResponse plan(@PathVariable String workspaceId, @RequestBody PlanChange change) {
        Plan plan;
        try {
            plan = Plan.valueOf(String.valueOf(change.plan()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "plan must be FREE, PRO, SCALE or ENTERPRISE");
        }
        if (jdbc.update("update workspaces set plan = ? where id = ?", plan.name(), workspaceId) == 0) {
            throw new DomainException(ErrorCode.NOT_FOUND, "workspace not found");
        }
        return workspace(workspaceId, null);
    }

    record UnknownKeys(List<String> keys) {
    }

    /** {@code count} well-formed keys (valid checksum) that belong to no one: random 26 characters each. */
    @PostMapping("/unknown-keys")
    UnknownKeys unknownKeys(@RequestParam(defaultValue = "1000") int count,
                            @RequestParam(defaultValue = "sk") String type,
                            @RequestParam(defaultValue = "test") String environment) {
        if (count < 1 || count > MAX_UNKNOWN_KEYS) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "count must be 1 to " + MAX_UNKNOWN_KEYS);
        }
        KeyType keyType = KeyType.fromCode(type).orElseThrow(() ->
                new DomainException(ErrorCode.BAD_REQUEST, "type must be pk, sk or rk"));
        Environment env = Environment.fromCode(environment).orElseThrow(() ->
                new DomainException(ErrorCode.BAD_REQUEST, "environment must be live or test"));
        return new UnknownKeys(Stream.generate(() ->
                ApiKeySecret.generate(keyType, env, random).reveal()).limit(count).toList());
    }

    record UsageTracking(boolean enabled) {
    }

    /** Whether key uses (last used, request counts) are recorded. */
    @GetMapping("/usage-tracking")
    UsageTracking usageTracking() {
        return new UsageTracking(usage.tracking());
    }

    /** Turns recording of key uses on or off; with it off, uses are dropped (nothing pending is lost). */
    @PutMapping("/usage-tracking")
    UsageTracking usageTracking(@RequestBody UsageTracking change) {
        usage.tracking(change.enabled());
        return usageTracking();
    }

    /** Statements the database has executed so far (take differences across a measurement). */
    @GetMapping("/db-statements")
    StatementCounter.Count dbStatements() {
        return statements.count();
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException e) {
        return ResponseEntity.status(ApiProblems.status(e.code())).contentType(ApiProblems.PROBLEM_JSON)
                .body(problems.problem(e.code(), e.getMessage()));
    }
}
