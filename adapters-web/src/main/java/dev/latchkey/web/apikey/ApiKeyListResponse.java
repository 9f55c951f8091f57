package dev.latchkey.web.apikey;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of keys, newest first (PRODUCT.md §12 lists). */
public record ApiKeyListResponse(
        List<ApiKeyResponse> data,
        boolean hasMore,
        @Schema(types = {"string", "null"}, description = "Pass as `cursor` for the next page; null on the last page") String nextCursor) {
}
