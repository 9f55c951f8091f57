package dev.latchkey.dashboard.register;

/** The sign-up form as posted; the rules live in {@code RegisterAccountCommand}. */
public class RegisterForm {

    private String email;
    private String password;
    private String workspaceName;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getWorkspaceName() {
        return workspaceName;
    }

    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }

    @Override
    public String toString() {
        return "RegisterForm[email=" + email + ", workspaceName=" + workspaceName + "]";
    }
}
