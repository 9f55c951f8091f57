package dev.latchkey.web.auth;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetCurrentUserUseCase;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase.RegisterAccountCommand;
import dev.latchkey.application.port.in.RegisterAccountUseCase.Registration;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.web.apikey.ApiKeyResponse;
import dev.latchkey.web.security.JwtTokens;
import dev.latchkey.web.workspace.WorkspaceResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@RequestMapping("/v1/auth")
@Tag(name = "Authentication", description = "Sign up, sign in (user tokens) and who is signed in")
public class AuthController {

    private final RegisterAccountUseCase register;
    private final LoginUseCase login;
    private final GetCurrentUserUseCase currentUser;
    private final JwtTokens tokens;
    private final Clock clock;

    public AuthController(RegisterAccountUseCase register, LoginUseCase login, GetCurrentUserUseCase currentUser,
                          JwtTokens tokens, Clock clock) {
        this.register = register;
        this.login = login;
        this.currentUser = currentUser;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Operation(operationId = "register", summary = "Sign up", description = "Creates a user, their first workspace (FREE, owned by them) and a "
            + "first `sk_test_` key, shown this once in `apiKey.key`; answers a user token as well.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/register")
    public ResponseEntity<RegisterResponse> register(@RequestBody RegisterRequest request) {
        Registration registration = register.register(
                new RegisterAccountCommand(request.email(), request.password(), request.workspaceName()));
        JwtTokens.IssuedToken token = tokens.issue(registration.account().id());
        RegisterResponse body = new RegisterResponse(token.value(), "bearer", token.expiresInSeconds(),
                WorkspaceResponse.from(registration.workspace(), Environment.TEST),
                ApiKeyResponse.issued(registration.firstKey(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }

    @Operation(operationId = "login", summary = "Sign in", description = "A user token (JWT) for `Authorization: Bearer`; 24 h by default.")
    @ApiResponse(responseCode = "200", description = "A user token", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "`credentials_invalid`: the email or the password is wrong")
    @PostMapping("/login")
    public ResponseEntity<TokenResponse> login(@RequestBody LoginRequest request) {
        var user = login.login(new LoginUseCase.LoginCommand(request.email(), request.password()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(TokenResponse.from(tokens.issue(user.account().id())));
    }

    @Operation(operationId = "getCurrentUser", summary = "Who is signed in", description = "User tokens only: the user, the workspace and environment "
            + "of this request (`Latchkey-Workspace`, `Latchkey-Environment`) and all their workspaces.")
    @GetMapping("/me")
    public MeResponse me(Caller.UserCaller caller) {
        return MeResponse.from(currentUser.me(caller));
    }
}
