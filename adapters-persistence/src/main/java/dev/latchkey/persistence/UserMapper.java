package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface UserMapper {

    int insert(UserRow row);

    UserRow findByEmail(String email);

    UserRow findById(String id);

    /** The row's password fields, if it is at {@code row.tokenVersion() - 1}; the number of rows updated (0 or 1). */
    int changePassword(UserRow row);
}
