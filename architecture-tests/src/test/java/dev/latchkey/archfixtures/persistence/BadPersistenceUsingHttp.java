package dev.latchkey.archfixtures.persistence;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/** Breaks httpTechnologyStaysInWebAdapters: servlet, Spring Web and Spring HTTP types in persistence. */
public final class BadPersistenceUsingHttp {

    public String workspaceOf(HttpServletRequest request) {
        return request.getHeader("X-Workspace");
    }

    public HttpStatus fetch(RestClient client) {
        return HttpStatus.valueOf(client.get().retrieve().toBodilessEntity().getStatusCode().value());
    }
}
