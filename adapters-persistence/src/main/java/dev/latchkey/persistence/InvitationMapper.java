package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

@Mapper
public interface InvitationMapper {

    int insert(InvitationRow row);

    InvitationRow findByTokenHash(@Param("tokenHash") String tokenHash);

    InvitationRow findById(@Param("workspaceId") String workspaceId, @Param("id") String id);

    InvitationRow findPending(@Param("workspaceId") String workspaceId, @Param("email") String email,
                              @Param("now") Instant now);

    List<InvitationRow> listPending(@Param("workspaceId") String workspaceId, @Param("now") Instant now,
                                    @Param("afterId") String afterId, @Param("limit") int limit);

    long countPending(@Param("workspaceId") String workspaceId, @Param("now") Instant now);

    int markAccepted(@Param("id") String id, @Param("now") Instant now);

    int revoke(@Param("workspaceId") String workspaceId, @Param("id") String id, @Param("now") Instant now);
}
