package dev.latchkey.web.auth;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ChangePasswordUseCase;
import dev.latchkey.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import dev.latchkey.application.port.in.GetCurrentUserUseCase;
import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase.RegisterAccountCommand;
import dev.latchkey.application.port.in.RegisterAccountUseCase.Registration;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.TrustedProxies;
import dev.latchkey.web.apikey.ApiKeyResponse;
import dev.latchkey.web.error.ApiProblems;
import dev.latchkey.web.security.ApiCredentialFilter;
import dev.latchkey.web.security.JwtTokens;
import dev.latchkey.web.workspace.WorkspaceResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@RequestMapping("/v1/auth")
@Tag(name = "Authentication", description = "Sign up, sign in (user tokens), who is signed in, and password change")
public class AuthController {

    private final RegisterAccountUseCase register;
    private final LoginUseCase login;
    private final GetCurrentUserUseCase currentUser;
    private final ChangePasswordUseCase passwords;
    private final JwtTokens tokens;
    private final ApiProblems problems;
    private final Clock clock;
    private final TrustedProxies proxies;

    public AuthController(RegisterAccountUseCase register, LoginUseCase login, GetCurrentUserUseCase currentUser,
                          ChangePasswordUseCase passwords, JwtTokens tokens, ApiProblems problems, Clock clock,
                          ObjectProvider<TrustedProxies> proxies) {
        this.register = register;
        this.login = login;
        this.currentUser = currentUser;
        this.passwords = passwords;
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
        this.proxies = proxies.getIfAvailable(() -> TrustedProxies.NONE);
    }

    @Operation(operationId = "register", summary = "Sign up", description = "Creates a user, their first workspace (FREE, owned by them) and a "
            + "first `sk_test_` key, shown this once in `apiKey.key`; answers a user token as well. The password: 8 "
            + "characters to 72 UTF-8 bytes, not one character repeated, not one of the most common passwords, not "
            + "the email address (422 `validation_failed` on `password` otherwise).")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/register")
    public ResponseEntity<RegisterResponse> register(@RequestBody RegisterRequest request,
                                                     HttpServletRequest http) {
        Registration registration = register.register(new RegisterAccountCommand(request.email(), request.password(),
                request.workspaceName(), clientAddress(http)));
        JwtTokens.IssuedToken token = tokens.issue(registration.account().id());
        RegisterResponse body = new RegisterResponse(token.value(), "bearer", token.expiresInSeconds(),
                WorkspaceResponse.from(registration.workspace(), Environment.TEST),
                ApiKeyResponse.issued(registration.firstKey(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }

    @Operation(operationId = "login", summary = "Sign in", description = "A user token (JWT) for `Authorization: Bearer`; 24 h by default. "
            + "Failed attempts are limited per account and per client address (by default 5 per account and 20 per "
            + "address in 15 minutes; each node counts its own): past the limit every attempt is refused with 429 "
            + "`rate_limited` and `Retry-After`, whether or not the account exists and without checking the "
            + "password. A successful sign-in clears the account's count.")
    @ApiResponse(responseCode = "200", description = "A user token", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "`credentials_invalid`: the email or the password is wrong")
    @ApiResponse(responseCode = "429", description = "`rate_limited`: too many failed attempts for this account or "
            + "from this address", headers = @Header(name = "Retry-After", description = "Seconds to wait before "
            + "trying again", schema = @Schema(type = "integer")))
    @PostMapping("/login")
    public ResponseEntity<TokenResponse> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        var user = login.login(new LoginUseCase.LoginCommand(request.email(), request.password(),
                clientAddress(http)));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(TokenResponse.from(tokens.issue(user.account().id(), user.tokenVersion())));
    }

    @Operation(operationId = "getCurrentUser", summary = "Who is signed in", description = "User tokens only: the user, the workspace and environment "
            + "of this request (`Latchkey-Workspace`, `Latchkey-Environment`) and all their workspaces.")
    @GetMapping("/me")
    public MeResponse me(Caller.UserCaller caller) {
        return MeResponse.from(currentUser.me(caller));
    }

    @Operation(operationId = "changePassword", summary = "Change the password", description = "Needs the current "
            + "password; the new one follows the sign-up rules and must differ from it. Every user token issued "
            + "before the change, the one of this request included, is refused from then on (401 `token_invalid`): "
            + "sign in again with the new password. Wrong current passwords count against the account's sign-in "
            + "limit (429 `rate_limited` past it). Recorded as `user.password_changed` in each of the user's "
            + "workspaces.")
    @ApiResponse(responseCode = "204", description = "Changed; sign in again")
    @ApiResponse(responseCode = "401", description = "`credentials_invalid`: the current password is wrong; "
            + "`auth_missing`, `token_invalid`, `token_expired`: the user token is missing or no longer good; "
            + "`auth_invalid`: an API key (this endpoint takes user tokens only)")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `currentPassword` is missing or "
            + "`newPassword` breaks the password rules")
    @PostMapping("/password")
    public ResponseEntity<Void> changePassword(Caller.UserCaller caller, @RequestBody ChangePasswordRequest request) {
        passwords.changePassword(caller, new ChangePasswordCommand(request.currentPassword(), request.newPassword()));
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    /** Throttled sign-ins (login, password change): 429 with {@code Retry-After}, the same for every account. */
    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .cacheControl(CacheControl.noStore())
                .contentType(ApiProblems.PROBLEM_JSON)
                .body(problems.problem(e));
    }

    /** The client's address as the credential filter sees it: {@code X-Forwarded-For} only from trusted proxies. */
    private String clientAddress(HttpServletRequest request) {
        return proxies.clientAddress(request.getRemoteAddr(),
                request.getHeader(ApiCredentialFilter.FORWARDED_FOR_HEADER));
    }
}
