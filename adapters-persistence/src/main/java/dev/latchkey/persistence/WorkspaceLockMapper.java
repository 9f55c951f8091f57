package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;

/** The kill switch's column of {@code workspaces} ({@code locked_at}); the rest of the table is WorkspaceMapper's. */
@Mapper
public interface WorkspaceLockMapper {

    /** Null when the workspace is not locked or does not exist. */
    Instant lockedAt(@Param("workspaceId") String workspaceId);

    int lock(@Param("workspaceId") String workspaceId, @Param("at") Instant at);

    int unlock(@Param("workspaceId") String workspaceId);
}
