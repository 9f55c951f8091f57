package dev.latchkey.web.workspace;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of the signed-in user's workspaces, in the order they joined them (PRODUCT.md §12 lists). */
public record UserWorkspaceListResponse(
        List<UserWorkspaceResponse> data,
        boolean hasMore,
        @Schema(types = {"string", "null"}, description = "Pass as `cursor` for the next page; null on the last page")
        String nextCursor) {
}
