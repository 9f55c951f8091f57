package dev.latchkey.persistence;

import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class MyBatisUserRepository implements UserRepository {

    private final UserMapper mapper;

    public MyBatisUserRepository(UserMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void add(User user) {
        try {
            StoreFailures.guard(() -> mapper.insert(UserRow.from(user)));
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.CONFLICT, "an account with this email already exists; sign in instead");
        }
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findByEmail(email.value()))).map(UserRow::toDomain);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findById(id.value()))).map(UserRow::toDomain);
    }

    @Override
    public boolean changePassword(User changed) {
        return StoreFailures.guard(() -> mapper.changePassword(UserRow.from(changed))) == 1;
    }
}
