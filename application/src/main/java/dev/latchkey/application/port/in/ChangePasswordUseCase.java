package dev.latchkey.application.port.in;

/**
 * A signed-in user (user token only) changes their password. The current password must be right
 * ({@code credentials_invalid} otherwise; wrong guesses count against the account's sign-in limit, and past it the
 * answer is {@link LoginThrottledException}); the new one must meet the password policy (422 on
 * {@code newPassword}) and differ from the current one. Every user token issued before the change stops working
 * ({@code token_invalid}): the client signs in again. {@code user.password_changed} is recorded in each of the user's
 * workspaces, in the transaction of the change.
 */
public interface ChangePasswordUseCase {

    /**
     * @return the user's token version from now on: a client that keeps a session (the dashboard) re-signs it in at
     *         this version, so that only sessions and tokens from before the change end
     */
    int changePassword(Caller.UserCaller caller, ChangePasswordCommand command);

    record ChangePasswordCommand(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordCommand[redacted]";
        }
    }
}
