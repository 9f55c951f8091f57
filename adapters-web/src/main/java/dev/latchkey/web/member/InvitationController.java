package dev.latchkey.web.member;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.ManageInvitationsUseCase;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.CreatedInvitation;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.InvitationPage;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.InviteCommand;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.Ids;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.web.support.FieldErrors;
import dev.latchkey.web.support.RequestValues;
import dev.latchkey.web.workspace.UserWorkspaceResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations into the caller's workspace, and accepting one (PRODUCT.md §12); user tokens only. A new user first
 * registers ({@code POST /v1/auth/register}, which also gives them a workspace of their own), then accepts with the
 * token of that registration.
 */
@RestController
@Tag(name = "Members")
public class InvitationController {

    private final ManageInvitationsUseCase invitations;

    public InvitationController(ManageInvitationsUseCase invitations) {
        this.invitations = invitations;
    }

    @Operation(operationId = "inviteMember", summary = "Invite someone", description = "OWNER or ADMIN (only an "
            + "OWNER invites an OWNER). The answer holds the invitation's single-use `token` and its `url`, the only "
            + "time they are shown; the link is also mailed to the invitee when the deployment has a mail server "
            + "(`spring.mail.host`). It can be accepted for 7 days. Members and pending invitations together count "
            + "against the plan's member limit (`plan_required`).")
    @ApiResponse(responseCode = "409", description = "`conflict`: already a member, or already invited (revoke the "
            + "pending invitation first)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/v1/members/invitations")
    public ResponseEntity<InvitationResponse> invite(Caller.UserCaller caller,
                                                     @RequestBody InviteMemberRequest body) {
        InviteCommand command = InviteCommand.parse(body.email(), body.role());
        CreatedInvitation created = invitations.invite(caller, command);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(InvitationResponse.from(created));
    }

    @Operation(operationId = "listInvitations", summary = "List pending invitations", description = "Newest first, "
            + "a page at a time; never their tokens. Any member may read it.")
    @GetMapping("/v1/members/invitations")
    public InvitationListResponse list(
            Caller.UserCaller caller,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "100",
                    defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false)
            String cursor) {
        FieldErrors errors = new FieldErrors();
        PageRequest pageRequest = RequestValues.page(limit, cursor, InvitationId.PREFIX, errors);
        errors.throwIfAny();
        InvitationPage page = invitations.list(caller, pageRequest);
        return new InvitationListResponse(page.invitations().stream().map(PendingInvitationResponse::from).toList(),
                page.hasMore(), page.nextCursor());
    }

    @Operation(operationId = "revokeInvitation", summary = "Revoke an invitation", description = "OWNER or ADMIN "
            + "(only an OWNER revokes an invitation to become an owner): its link stops working. Revoking a revoked "
            + "invitation changes nothing; an accepted one is `conflict` (remove the member instead).")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "409", description = "`conflict`: the invitation was already accepted")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/v1/members/invitations/{id}")
    public void revoke(Caller.UserCaller caller, @PathVariable String id) {
        if (!Ids.looksLike(InvitationId.PREFIX, id)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "invitation not found");
        }
        invitations.revoke(caller, new InvitationId(id));
    }

    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation", description = "With the "
            + "invitee's own user token: the signed-in user's email must be the invited one (`role_forbidden` "
            + "otherwise). A new user registers first (`POST /v1/auth/register`, which also gives them a workspace "
            + "of their own), then accepts. The user joins the workspace with the invitation's role and acts in it "
            + "with `Latchkey-Workspace: <its id>`. An invitation is used once: accepting it again, or after it "
            + "expired or was revoked, is `conflict`; an unknown token is `not_found`.")
    @ApiResponse(responseCode = "200", description = "The workspace joined, with the role",
            useReturnTypeSchema = true)
    @PostMapping("/v1/invitations/{token}/accept")
    public UserWorkspaceResponse accept(Caller.UserCaller caller, @PathVariable String token) {
        return UserWorkspaceResponse.from(invitations.accept(caller.account(), token), caller.environment());
    }
}
