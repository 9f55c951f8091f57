package dev.latchkey.dashboard.security;

import dev.latchkey.domain.user.User;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The signed-in dashboard user as kept in the HTTP session: ids and email only, never the password.
 * {@link #getName()} is the email, so {@code sec:authentication="name"} shows it. {@code tokenVersion} is the user's
 * token version at sign-in: a password change moves it on, which ends this session ({@link CurrentSessionFilter}).
 */
public record DashboardUser(String userId, String email, int tokenVersion) implements AuthenticatedPrincipal, Serializable {

    static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_USER"));

    public DashboardUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
    }

    /** A user who just signed up: their tokens are at the first version. */
    public DashboardUser(String userId, String email) {
        this(userId, email, User.FIRST_TOKEN_VERSION);
    }

    @Override
    public String getName() {
        return email;
    }
}
