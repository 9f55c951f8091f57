package dev.latchkey.application.service.account;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ChangePasswordUseCase;
import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.application.port.out.LoginThrottle;
import dev.latchkey.application.port.out.PasswordHasher;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.Password;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;

import java.time.Clock;
import java.util.Map;

/**
 * Password change: the policy first (no attempt is spent on a new password that would be refused), then the account's
 * sign-in throttle and one check of the current password, then the new hash (outside the transaction: it is slow on
 * purpose), then the change with its audit rows in one transaction.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final UserRepository users;
    private final WorkspaceRepository workspaces;
    private final PasswordHasher passwordHasher;
    private final LoginThrottle throttle;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public ChangePasswordService(UserRepository users, WorkspaceRepository workspaces, PasswordHasher passwordHasher,
                                 LoginThrottle throttle, Transactions transactions, AuditTrail audit, Clock clock) {
        this.users = users;
        this.workspaces = workspaces;
        this.passwordHasher = passwordHasher;
        this.throttle = throttle;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int changePassword(Caller.UserCaller caller, ChangePasswordCommand command) {
        User user = users.findById(caller.userId()).orElseThrow(() ->
                new DomainException(ErrorCode.TOKEN_INVALID, "token does not belong to an existing user"));
        validate(command, user);
        String account = user.email().value();
        String address = caller.clientAddress();
        LoginThrottle.Attempt attempt = throttle.tryAttempt(account, address);
        if (!attempt.allowed()) {
            throw new LoginThrottledException(attempt.retryAfterSeconds());
        }
        boolean matches;
        try {
            matches = passwordHasher.matches(command.currentPassword(), user.passwordHash());
        } catch (RuntimeException e) {
            throttle.abandoned(account, address);
            throw e;
        }
        if (!matches) {
            throw new DomainException(ErrorCode.CREDENTIALS_INVALID, "the current password is wrong");
        }
        throttle.succeeded(account, address);
        PasswordHash newHash = passwordHasher.hash(command.newPassword());
        User changed = user.withPassword(newHash, clock.instant());
        AuditTarget target = new AuditTarget("user", user.id().value());
        transactions.inTransaction(() -> {
            if (!users.changePassword(changed)) {
                throw new DomainException(ErrorCode.CONFLICT,
                        "the password was changed by another request meanwhile; sign in again");
            }
            for (Membership membership : workspaces.membershipsOf(user.id())) {
                audit.record(membership.workspaceId(), caller.actor(), address, AuditAction.PASSWORD_CHANGED, null,
                        target, Map.of());
            }
            return null;
        });
        return changed.tokenVersion();
    }

    private static void validate(ChangePasswordCommand command, User user) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String current = command.currentPassword();
        errors.check(current != null && !current.isEmpty(), "currentPassword", "is required");
        Password.validate(command.newPassword(), user.email(), "newPassword", errors);
        errors.check(current == null || !current.equals(command.newPassword()), "newPassword",
                "must be different from the current password");
        errors.throwIfAny();
    }
}
