package dev.latchkey.web.member;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.ManageMembersUseCase;
import dev.latchkey.application.port.in.ManageMembersUseCase.MemberPage;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.Ids;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.web.support.FieldErrors;
import dev.latchkey.web.support.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * The members of the caller's workspace and its ownership (PRODUCT.md §1, §12); user tokens only. A user id of
 * someone who is no member of this workspace is {@code not_found}.
 */
@RestController
@Tag(name = "Members", description = "Who belongs to the caller's workspace, with which role; invitations")
public class MemberController {

    private final ManageMembersUseCase members;

    public MemberController(ManageMembersUseCase members) {
        this.members = members;
    }

    @Operation(operationId = "listMembers", summary = "List members", description = "In the order they joined, a "
            + "page at a time. Any member may read it.")
    @GetMapping("/v1/members")
    public MemberListResponse list(
            Caller.UserCaller caller,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "100",
                    defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false)
            String cursor) {
        FieldErrors errors = new FieldErrors();
        PageRequest pageRequest = RequestValues.page(limit, cursor, UserId.PREFIX, errors);
        errors.throwIfAny();
        MemberPage page = members.list(caller, pageRequest);
        return new MemberListResponse(page.members().stream().map(MemberResponse::from).toList(), page.hasMore(),
                page.nextCursor());
    }

    @Operation(operationId = "changeMemberRole", summary = "Change a member's role", description = "OWNER: any "
            + "role; ADMIN: between ADMIN and MEMBER, never an owner's role nor making an owner (`role_forbidden`); "
            + "MEMBER: nothing. The last owner cannot be demoted (`conflict`). The same role changes nothing.")
    @ApiResponse(responseCode = "200", description = "The member with their role", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "`conflict`: the workspace would lose its last owner")
    @PatchMapping("/v1/members/{userId}")
    public MemberResponse changeRole(Caller.UserCaller caller, @PathVariable String userId,
                                     @RequestBody ChangeRoleRequest body) {
        UserId member = userIdOrNotFound(userId);
        Optional<Role> role = Role.parse(body.role());
        new FieldErrors().check(role.isPresent(), "role", "must be OWNER, ADMIN or MEMBER").throwIfAny();
        return MemberResponse.from(members.changeRole(caller, member, role.orElseThrow()));
    }

    @Operation(operationId = "removeMember", summary = "Remove a member (or leave)", description = "OWNER: anyone; "
            + "ADMIN: admins and members, never an owner (`role_forbidden`); any member may remove themselves "
            + "(leave). The last owner can neither be removed nor leave (`conflict`).")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "409", description = "`conflict`: the workspace would lose its last owner")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/v1/members/{userId}")
    public void remove(Caller.UserCaller caller, @PathVariable String userId) {
        members.remove(caller, userIdOrNotFound(userId));
    }

    @Operation(operationId = "transferOwnership", summary = "Transfer ownership", description = "OWNER only: the "
            + "member named becomes an OWNER and the caller an ADMIN (recorded as "
            + "`workspace.ownership_transferred`).")
    @ApiResponse(responseCode = "200", description = "The new owner and the caller", useReturnTypeSchema = true)
    @PostMapping("/v1/workspace/transfer")
    public TransferResponse transfer(Caller.UserCaller caller, @RequestBody TransferOwnershipRequest body) {
        String userId = RequestValues.present(body.userId());
        FieldErrors errors = new FieldErrors();
        errors.check(userId != null, "userId", "must name the member who becomes an owner");
        errors.check(userId == null || Ids.looksLike(UserId.PREFIX, userId), "userId", "is not a user id (usr_…)");
        errors.throwIfAny();
        return TransferResponse.from(members.transferOwnership(caller, new UserId(userId)));
    }

    /** A user id from a path; anything not shaped like one is simply not found. */
    static UserId userIdOrNotFound(String value) {
        if (!Ids.looksLike(UserId.PREFIX, value)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "member not found");
        }
        return new UserId(value);
    }
}
