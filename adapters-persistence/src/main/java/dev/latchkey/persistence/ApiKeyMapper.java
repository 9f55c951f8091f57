package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

@Mapper
public interface ApiKeyMapper {

    int insert(@Param("key") ApiKeyRow key, @Param("sealedSecret") byte[] sealedSecret);

    ApiKeyRow findByHash(String keyHash);

    ApiKeyRow findById(@Param("workspaceId") String workspaceId, @Param("environment") String environment,
                       @Param("id") String id, @Param("forUpdate") boolean forUpdate);

    /**
     * {@code type} and {@code status} (an {@code ApiKeyStatus} name) are optional; {@code expiringBefore} is
     * {@code now} plus the expiring window, computed in Java so that it is exact whatever the session time zone.
     */
    List<ApiKeyRow> list(@Param("workspaceId") String workspaceId, @Param("environment") String environment,
                         @Param("type") String type, @Param("status") String status, @Param("now") Instant now,
                         @Param("expiringBefore") Instant expiringBefore, @Param("afterId") String afterId,
                         @Param("limit") int limit);

    int update(ApiKeyRow key);

    int revoke(@Param("key") ApiKeyRow key, @Param("at") Instant at);

    int retire(ApiKeyRow retired);

    long countUsable(@Param("workspaceId") String workspaceId, @Param("environment") String environment,
                     @Param("now") Instant now);

    List<SigningSecretRow> signingSecrets(@Param("workspaceId") String workspaceId,
                                          @Param("environment") String environment, @Param("now") Instant now);
}
