package dev.latchkey.web.auth;

import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase.RegisterAccountCommand;
import dev.latchkey.application.port.in.RegisterAccountUseCase.Registration;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.web.apikey.ApiKeyResponse;
import dev.latchkey.web.security.JwtTokens;
import dev.latchkey.web.workspace.WorkspaceResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@RequestMapping("/v1/auth")
public class AuthController {

    private final RegisterAccountUseCase register;
    private final LoginUseCase login;
    private final JwtTokens tokens;
    private final Clock clock;

    public AuthController(RegisterAccountUseCase register, LoginUseCase login, JwtTokens tokens, Clock clock) {
        this.register = register;
        this.login = login;
        this.tokens = tokens;
        this.clock = clock;
    }

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

    @PostMapping("/login")
    public ResponseEntity<TokenResponse> login(@RequestBody LoginRequest request) {
        var user = login.login(new LoginUseCase.LoginCommand(request.email(), request.password()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(TokenResponse.from(tokens.issue(user.account().id())));
    }
}
