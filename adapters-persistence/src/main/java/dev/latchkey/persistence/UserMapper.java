package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface UserMapper {

    int insert(UserRow row);

    UserRow findByEmail(String email);

    UserRow findById(String id);
}
