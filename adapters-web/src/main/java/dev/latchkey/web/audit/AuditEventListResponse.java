package dev.latchkey.web.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of audit events, newest first (PRODUCT.md §12 lists). */
public record AuditEventListResponse(
        List<AuditEventResponse> data,
        boolean hasMore,
        @Schema(types = {"string", "null"}, description = "Pass as `cursor` for the next page; null on the last page") String nextCursor) {
}
