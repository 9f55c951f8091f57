package dev.latchkey.application.service.account;

import dev.latchkey.application.port.in.Account;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.out.PasswordHasher;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;

import java.util.Optional;

public final class LoginService implements LoginUseCase {

    private final UserRepository users;
    private final WorkspaceRepository workspaces;
    private final PasswordHasher passwordHasher;
    /** Checked when the email is unknown, so that both failures take as long. */
    private final PasswordHash decoy;

    public LoginService(UserRepository users, WorkspaceRepository workspaces, PasswordHasher passwordHasher) {
        this.users = users;
        this.workspaces = workspaces;
        this.passwordHasher = passwordHasher;
        this.decoy = passwordHasher.hash("decoy password for unknown accounts");
    }

    @Override
    public SignedInUser login(LoginCommand command) {
        String password = command.password() == null ? "" : command.password();
        Optional<User> user = Email.isValid(command.email())
                ? users.findByEmail(new Email(command.email()))
                : Optional.empty();
        boolean matches = passwordHasher.matches(password, user.map(User::passwordHash).orElse(decoy));
        if (user.isEmpty() || !matches) {
            throw new DomainException(ErrorCode.CREDENTIALS_INVALID, "email or password is wrong");
        }
        return new SignedInUser(Account.of(user.get()), workspaces.membershipsOf(user.get().id()));
    }
}
