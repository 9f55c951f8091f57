package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in a map; like the database, it refuses a second user with the same email. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new DomainException(ErrorCode.CONFLICT, "email taken");
        }
        if (byId.putIfAbsent(user.id(), user) != null) {
            throw new IllegalStateException("duplicate user id " + user.id());
        }
    }

    @Override
    public synchronized Optional<User> findByEmail(Email email) {
        return byId.values().stream().filter(user -> user.email().equals(email)).findFirst();
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean changePassword(User changed) {
        User stored = byId.get(changed.id());
        if (stored == null || stored.tokenVersion() != changed.tokenVersion() - 1) {
            return false;
        }
        // only what a password change changes
        byId.put(changed.id(), new User(stored.id(), stored.email(), changed.passwordHash(), stored.createdAt(),
                changed.passwordChangedAt(), changed.tokenVersion()));
        return true;
    }

    public synchronized List<User> all() {
        return new ArrayList<>(byId.values());
    }
}
