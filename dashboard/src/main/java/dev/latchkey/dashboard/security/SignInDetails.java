package dev.latchkey.dashboard.security;

import java.io.Serializable;

/**
 * What the form login knows of the request besides email and password: the client's address (after trusted
 * proxies), for sign-in throttling and the audit log. Null when unknown.
 */
public record SignInDetails(String clientAddress) implements Serializable {
}
