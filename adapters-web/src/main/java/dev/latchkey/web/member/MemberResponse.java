package dev.latchkey.web.member;

import dev.latchkey.domain.workspace.Member;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A member of the workspace (PRODUCT.md §12). */
@Schema(name = "Member")
public record MemberResponse(
        @Schema(example = "usr_3kTMd9QxAAAAAAAAAAAAAA") String userId,
        String email,
        @Schema(allowableValues = {"OWNER", "ADMIN", "MEMBER"}) String role,
        Instant joinedAt) {

    public static MemberResponse from(Member member) {
        return new MemberResponse(member.userId().value(), member.email().value(), member.role().name(),
                member.joinedAt());
    }
}
