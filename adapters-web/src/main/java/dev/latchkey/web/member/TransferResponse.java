package dev.latchkey.web.member;

import dev.latchkey.application.port.in.ManageMembersUseCase.Transfer;
import io.swagger.v3.oas.annotations.media.Schema;

/** The two members an ownership transfer changed. */
public record TransferResponse(
        @Schema(description = "The new owner") MemberResponse owner,
        @Schema(description = "The caller, now an admin") MemberResponse previousOwner) {

    public static TransferResponse from(Transfer transfer) {
        return new TransferResponse(MemberResponse.from(transfer.owner()),
                MemberResponse.from(transfer.previousOwner()));
    }
}
