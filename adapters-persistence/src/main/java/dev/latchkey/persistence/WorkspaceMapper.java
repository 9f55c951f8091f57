package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface WorkspaceMapper {

    int insert(WorkspaceRow row);

    WorkspaceRow findById(@Param("id") String id, @Param("forUpdate") boolean forUpdate);

    int updatePlan(@Param("id") String id, @Param("plan") String plan);

    int insertMembership(MembershipRow row);

    List<MembershipRow> membershipsOf(String userId);

    MembershipRow findMembership(@Param("workspaceId") String workspaceId, @Param("userId") String userId);

    List<MemberRow> members(@Param("workspaceId") String workspaceId, @Param("afterUserId") String afterUserId,
                            @Param("limit") int limit);

    MemberRow findMember(@Param("workspaceId") String workspaceId, @Param("userId") String userId);

    MemberRow findMemberByEmail(@Param("workspaceId") String workspaceId, @Param("email") String email);

    long countMembers(@Param("workspaceId") String workspaceId, @Param("role") String role);

    int updateRole(@Param("workspaceId") String workspaceId, @Param("userId") String userId,
                   @Param("role") String role);

    int deleteMembership(@Param("workspaceId") String workspaceId, @Param("userId") String userId);
}
