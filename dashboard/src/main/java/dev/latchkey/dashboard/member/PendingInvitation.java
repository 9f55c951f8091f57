package dev.latchkey.dashboard.member;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Optional;

/**
 * The invitation a visitor opened, kept in their session until they accept it: the token leaves the address bar at
 * once and is never written into a page (not in a form action, not in the header's return path). A signed-out
 * visitor's link is first held by Spring Security as the request to come back to after sign-in; sign-up picks it up
 * from there, since it signs in without that redirect.
 */
@Component
public class PendingInvitation {

    /** Where an invitation link leads (the token follows); the same path as the links the use case builds. */
    static final String LINK_PATH = "/invitations/";
    private static final String TOKEN = PendingInvitation.class.getName() + ".TOKEN";

    private final RequestCache savedRequests = new HttpSessionRequestCache();

    /** Holds the token of an opened link for this session. */
    void hold(HttpSession session, String token) {
        session.setAttribute(TOKEN, token);
    }

    /** Whether an invitation waits for this visitor to sign in or sign up (the sign-in pages then say so). */
    public boolean waiting(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && (session.getAttribute(TOKEN) != null || savedToken(request).isPresent());
    }

    /** The token held for this session, taking it over from the saved sign-in request if it is still there. */
    Optional<String> token(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        if (session.getAttribute(TOKEN) instanceof String token) {
            return Optional.of(token);
        }
        Optional<String> saved = savedToken(request);
        saved.ifPresent(token -> {
            savedRequests.removeRequest(request, response);
            hold(session, token);
        });
        return saved;
    }

    /** Accepted, or beyond use: the session forgets it. */
    void forget(HttpSession session) {
        session.removeAttribute(TOKEN);
    }

    private Optional<String> savedToken(HttpServletRequest request) {
        SavedRequest saved = savedRequests.getRequest(request, null);
        if (saved == null) {
            return Optional.empty();
        }
        String path;
        try {
            path = URI.create(saved.getRedirectUrl()).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String prefix = request.getContextPath() + LINK_PATH;
        return path != null && path.startsWith(prefix) && path.length() > prefix.length()
                ? Optional.of(path.substring(prefix.length())) : Optional.empty();
    }
}
