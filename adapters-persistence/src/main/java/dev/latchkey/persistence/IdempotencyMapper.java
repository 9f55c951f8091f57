package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;

@Mapper
public interface IdempotencyMapper {

    /** 1 when inserted, 0 when the scope already holds the key. */
    int claim(@Param("scope") String scope, @Param("key") String key, @Param("fingerprint") byte[] fingerprint,
              @Param("at") Instant at);

    IdempotencyRow find(@Param("scope") String scope, @Param("key") String key);

    int complete(@Param("scope") String scope, @Param("key") String key, @Param("status") int status,
                 @Param("contentType") String contentType, @Param("body") byte[] body);

    int delete(@Param("scope") String scope, @Param("key") String key);

    int purgeCreatedBefore(Instant before);
}
