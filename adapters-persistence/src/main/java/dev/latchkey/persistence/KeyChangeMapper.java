package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface KeyChangeMapper {

    /** {@code pg_notify}: transactional, delivered to every listening session when (and if) the transaction commits. */
    void announce(@Param("channel") String channel, @Param("payload") String payload);
}
