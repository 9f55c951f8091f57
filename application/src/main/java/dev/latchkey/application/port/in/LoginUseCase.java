package dev.latchkey.application.port.in;

import dev.latchkey.domain.workspace.Membership;

import java.util.List;

/**
 * Email and password in, the user and their memberships out; anything wrong is {@code credentials_invalid}. Failed
 * attempts are counted per account and per client address: past the limit the answer is
 * {@link LoginThrottledException} ({@code rate_limited}), the same whether or not the account exists, and the password
 * is not even checked. Each success and each failure for a known account is recorded in the user's workspaces'
 * audit logs ({@code user.login_succeeded}, {@code user.login_failed}).
 */
public interface LoginUseCase {

    /** @throws LoginThrottledException when too many attempts failed for this account or from this address */
    SignedInUser login(LoginCommand command);

    /** {@code clientAddress}: where the request came from (after trusted proxies), null when unknown. */
    record LoginCommand(String email, String password, String clientAddress) {

        public LoginCommand(String email, String password) {
            this(email, password, null);
        }

        @Override
        public String toString() {
            return "LoginCommand[email=" + email + ", clientAddress=" + clientAddress + "]";
        }
    }

    /** {@code tokenVersion}: the user's current token version, for the tokens issued to them now. */
    record SignedInUser(Account account, List<Membership> memberships, int tokenVersion) {
        public SignedInUser {
            memberships = List.copyOf(memberships);
        }

        public SignedInUser(Account account, List<Membership> memberships) {
            this(account, memberships, 0);
        }
    }
}
