package dev.latchkey.web.auth;

public record RegisterRequest(String email, String password, String workspaceName) {
    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", workspaceName=" + workspaceName + "]";
    }
}
