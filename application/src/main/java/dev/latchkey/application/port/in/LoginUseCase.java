package dev.latchkey.application.port.in;

import dev.latchkey.domain.workspace.Membership;

import java.util.List;

/** Email and password in, the user and their memberships out; anything wrong is {@code credentials_invalid}. */
public interface LoginUseCase {

    SignedInUser login(LoginCommand command);

    record LoginCommand(String email, String password) {
        @Override
        public String toString() {
            return "LoginCommand[email=" + email + "]";
        }
    }

    record SignedInUser(Account account, List<Membership> memberships) {
        public SignedInUser {
            memberships = List.copyOf(memberships);
        }
    }
}
