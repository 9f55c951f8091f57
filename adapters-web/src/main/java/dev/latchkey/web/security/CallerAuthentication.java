package dev.latchkey.web.security;

import dev.latchkey.application.port.in.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Optional;

/** An authenticated /v1 caller (API key or user JWT) in Spring Security's context. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller instanceof Caller.KeyCaller ? "CALLER_KEY" : "CALLER_USER")));
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    /** The caller of the current /v1 request, if it is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication callerAuthentication
                ? Optional.of(callerAuthentication.caller()) : Optional.empty();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    /** The key or user id: cheap (Spring asks for it on every request) and never more than an id. */
    @Override
    public String getName() {
        return caller.credentialId();
    }
}
