package dev.latchkey.web.member;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of pending invitations, newest first (PRODUCT.md §12 lists). */
public record InvitationListResponse(
        List<PendingInvitationResponse> data,
        boolean hasMore,
        @Schema(types = {"string", "null"}, description = "Pass as `cursor` for the next page; null on the last page")
        String nextCursor) {
}
