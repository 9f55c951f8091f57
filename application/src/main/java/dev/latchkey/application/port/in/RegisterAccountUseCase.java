package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.Password;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Workspace;

/** Sign-up: a user, their first workspace (FREE, they own it) and a first {@code sk_test_} key. */
public interface RegisterAccountUseCase {

    Registration register(RegisterAccountCommand command);

    /** Validates itself: every invalid field is reported at once. */
    /** {@code clientAddress}: where the request came from, for the audit log (null when unknown). */
    record RegisterAccountCommand(String email, String password, String workspaceName, String clientAddress) {

        public RegisterAccountCommand(String email, String password, String workspaceName) {
            this(email, password, workspaceName, null);
        }

        public RegisterAccountCommand {
            ValidationException.Collector errors = new ValidationException.Collector();
            errors.check(Email.isValid(email), "email", "must be an email address");
            Password.validate(password, "password", errors);
            Workspace.validateName(workspaceName, "workspaceName", errors);
            errors.throwIfAny();
        }

        @Override
        public String toString() {
            return "RegisterAccountCommand[email=" + email + ", workspaceName=" + workspaceName + "]";
        }
    }

    record Registration(Account account, Workspace workspace, Membership membership, IssuedApiKey firstKey) {
    }
}
