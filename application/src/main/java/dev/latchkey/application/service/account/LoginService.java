package dev.latchkey.application.service.account;

import dev.latchkey.application.port.in.Account;
import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.out.LoginThrottle;
import dev.latchkey.application.port.out.PasswordHasher;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with email and password. In order: the throttle (refused: no lookup, no password check), the user and one
 * password check (a decoy hash when the email is unknown, so that both failures take as long), then the audit log.
 */
public final class LoginService implements LoginUseCase {

    /** What a failure says, whatever was wrong. */
    static final String WRONG = "email or password is wrong";
    /** Throttle names are bounded: an email is at most 254 characters; anything longer is not one. */
    private static final int MAX_ACCOUNT_NAME = 320;

    private final UserRepository users;
    private final WorkspaceRepository workspaces;
    private final PasswordHasher passwordHasher;
    private final LoginThrottle throttle;
    private final Transactions transactions;
    private final AuditTrail audit;
    /** Checked when the email is unknown, so that both failures take as long. */
    private final PasswordHash decoy;

    public LoginService(UserRepository users, WorkspaceRepository workspaces, PasswordHasher passwordHasher,
                        LoginThrottle throttle, Transactions transactions, AuditTrail audit) {
        this.users = users;
        this.workspaces = workspaces;
        this.passwordHasher = passwordHasher;
        this.throttle = throttle;
        this.transactions = transactions;
        this.audit = audit;
        this.decoy = passwordHasher.hash("decoy password for unknown accounts");
    }

    @Override
    public SignedInUser login(LoginCommand command) {
        String account = accountName(command.email());
        String address = command.clientAddress();
        LoginThrottle.Attempt attempt = throttle.tryAttempt(account, address);
        if (!attempt.allowed()) {
            throw new LoginThrottledException(attempt.retryAfterSeconds());
        }
        String password = command.password() == null ? "" : command.password();
        Optional<User> user;
        boolean matches;
        try {
            user = Email.isValid(command.email()) ? users.findByEmail(new Email(command.email())) : Optional.empty();
            matches = passwordHasher.matches(password, user.map(User::passwordHash).orElse(decoy));
        } catch (RuntimeException e) {
            throttle.abandoned(account, address); // not judged: the store failed, not the guess
            throw e;
        }
        if (user.isEmpty() || !matches) {
            // the attempt stays counted; an unknown email has no workspace to record it in
            user.ifPresent(known -> recordInEachWorkspace(known, address, AuditAction.LOGIN_FAILED,
                    Map.of("reason", "password_wrong")));
            throw new DomainException(ErrorCode.CREDENTIALS_INVALID, WRONG);
        }
        throttle.succeeded(account, address);
        List<Membership> memberships = recordInEachWorkspace(user.get(), address, AuditAction.LOGIN_SUCCEEDED,
                Map.of());
        return new SignedInUser(Account.of(user.get()), memberships, user.get().tokenVersion());
    }

    /** In a transaction of its own: a failed sign-in is recorded although the sign-in fails. */
    private List<Membership> recordInEachWorkspace(User user, String address, AuditAction action,
                                                   Map<String, String> details) {
        AuditActor actor = new AuditActor(AuditActor.Type.USER, user.id().value(), user.email().value());
        AuditTarget target = new AuditTarget("user", user.id().value());
        return transactions.inTransaction(() -> {
            List<Membership> memberships = workspaces.membershipsOf(user.id());
            for (Membership membership : memberships) {
                audit.record(membership.workspaceId(), actor, address, action, null, target, details);
            }
            return memberships;
        });
    }

    /** The throttle's name for the account an email names: normalised like {@link Email}, whether or not it exists. */
    static String accountName(String email) {
        if (email == null) {
            return "";
        }
        if (Email.isValid(email)) {
            return new Email(email).value();
        }
        String folded = email.strip().toLowerCase(Locale.ROOT);
        return folded.length() > MAX_ACCOUNT_NAME ? folded.substring(0, MAX_ACCOUNT_NAME) : folded;
    }
}
