package dev.latchkey.dashboard.security;

import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Form login (email + password) checked by {@link LoginUseCase} with the client's address ({@link SignInDetails});
 * the password is never kept. Too many failed attempts: {@link SignInThrottledException}, which the form shows as
 * "try again in N minutes".
 */
public final class LoginAuthenticationProvider implements AuthenticationProvider {

    /** The one message shown for every failed sign-in: it never tells which part was wrong. */
    public static final String GENERIC_FAILURE = "Email or password is wrong";

    private final LoginUseCase login;

    public LoginAuthenticationProvider(LoginUseCase login) {
        this.login = login;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        LoginUseCase.SignedInUser signedIn;
        try {
            signedIn = login.login(new LoginUseCase.LoginCommand(email, password, clientAddress(authentication)));
        } catch (LoginThrottledException e) {
            throw new SignInThrottledException(e.retryAfterMinutes());
        } catch (DomainException e) {
            if (e.code() == ErrorCode.CREDENTIALS_INVALID || e.code() == ErrorCode.VALIDATION_FAILED) {
                throw new BadCredentialsException(GENERIC_FAILURE);
            }
            throw new InternalAuthenticationServiceException("sign-in is unavailable", e);
        }
        return authenticated(new DashboardUser(signedIn.account().id().value(), signedIn.account().email().value(),
                signedIn.tokenVersion()));
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof SignInDetails details ? details.clientAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static UsernamePasswordAuthenticationToken authenticated(DashboardUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, DashboardUser.AUTHORITIES);
    }
}
