package dev.latchkey.web.member;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /v1/workspace/transfer}. */
public record TransferOwnershipRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The member who becomes an owner",
                example = "usr_3kTMd9QxAAAAAAAAAAAAAA") String userId) {
}
