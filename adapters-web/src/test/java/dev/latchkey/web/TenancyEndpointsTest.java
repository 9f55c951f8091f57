package dev.latchkey.web;

import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.InviteCommand;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase.CreateWorkspaceCommand;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The tenancy endpoints (workspaces, members, invitations) on scripted use cases: shapes, codes and validation. */
class TenancyEndpointsTest extends ApiTestSupport {

    private static final String OWNER = TenancyScripts.OWNER_ID.value();
    private static final String TOKEN = TenancyScripts.INVITATION.token().reveal();

    @BeforeEach
    @AfterEach
    void resetTenancy() {
        TenancyScripts.reset();
    }

    @Test
    void everyTenancyEndpointTakesOnlyUserTokens() throws Exception {
        problem(mvc.perform(get("/v1/members").header("X-Api-Key", KEY)), 401, "auth_invalid");
        problem(mvc.perform(get("/v1/workspaces").header("X-Api-Key", KEY)), 401, "auth_invalid");
        problem(mvc.perform(post("/v1/members/invitations").header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"a@example.com\",\"role\":\"MEMBER\"}")),
                401, "auth_invalid");
        problem(mvc.perform(delete("/v1/members/" + OWNER).header("X-Api-Key", KEY)), 401, "auth_invalid");
        problem(mvc.perform(post("/v1/invitations/" + TOKEN + "/accept").header("X-Api-Key", KEY)), 401,
                "auth_invalid");
        problem(mvc.perform(get("/v1/members")), 401, "auth_missing");
        assertThat(TenancyScripts.lastCall.get()).isNull();
    }

    @Test
    void membersAreListedAPageAtATime() throws Exception {
        mvc.perform(get("/v1/members?limit=2&cursor=" + OWNER).header("Authorization", jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].userId").value(OWNER))
                .andExpect(jsonPath("$.data[0].email").value("owner@example.com"))
                .andExpect(jsonPath("$.data[0].role").value("OWNER"))
                .andExpect(jsonPath("$.data[0].joinedAt").value("2026-11-22T08:00:00Z"))
                .andExpect(jsonPath("$.data[1].role").value("MEMBER"))
                .andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.nextCursor").value(TenancyScripts.MEMBER_ID.value()));
        assertThat(TenancyScripts.lastCall.get()).isEqualTo(new PageRequest(2, OWNER));
        invalid(mvc.perform(get("/v1/members?limit=500&cursor=key_x").header("Authorization", jwt())),
                "limit", "cursor");
    }

    @Test
    void aRoleChangeNamesABadRoleAndAnUnknownMemberIsNotFound() throws Exception {
        String member = TenancyScripts.MEMBER_ID.value();
        mvc.perform(patch("/v1/members/" + member).header("Authorization", jwt())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"admin\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(member))
                .andExpect(jsonPath("$.role").value("ADMIN"));
        assertThat(TenancyScripts.lastCall.get()).isEqualTo(List.of(TenancyScripts.MEMBER_ID, Role.ADMIN));

        invalid(mvc.perform(patch("/v1/members/" + member).header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"GOD\"}")), "role");
        invalid(mvc.perform(patch("/v1/members/" + member).header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{}")), "role");
        problem(mvc.perform(patch("/v1/members/usr_ZZZZZZZZZZZZZZZZZZZZZZ").header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"MEMBER\"}")), 404, "not_found");
        problem(mvc.perform(patch("/v1/members/not-a-user").header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"MEMBER\"}")), 404, "not_found");
        problem(mvc.perform(patch("/v1/members/" + member).header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":")), 400, "bad_request");
    }

    @Test
    void refusalsOfTheRulesAreProblems() throws Exception {
        TenancyScripts.members = new TenancyScripts.Members() {
            @Override
            public void remove(dev.latchkey.application.port.in.Caller.UserCaller caller,
                               dev.latchkey.domain.user.UserId userId) {
                throw new DomainException(ErrorCode.CONFLICT, "a workspace always keeps at least one owner");
            }
        };
        problem(mvc.perform(delete("/v1/members/" + OWNER).header("Authorization", jwt())), 409, "conflict");
        TenancyScripts.members = new TenancyScripts.Members() {
            @Override
            public void remove(dev.latchkey.application.port.in.Caller.UserCaller caller,
                               dev.latchkey.domain.user.UserId userId) {
                throw new DomainException(ErrorCode.ROLE_FORBIDDEN, "an admin cannot change or remove an owner");
            }
        };
        problem(mvc.perform(delete("/v1/members/" + OWNER).header("Authorization", jwt())), 403, "role_forbidden");
    }

    @Test
    void removingAMemberAnswersNoContent() throws Exception {
        mvc.perform(delete("/v1/members/" + TenancyScripts.MEMBER_ID.value()).header("Authorization", jwt()))
                .andExpect(status().isNoContent());
        assertThat(TenancyScripts.lastCall.get()).isEqualTo(TenancyScripts.MEMBER);
    }

    @Test
    void ownershipIsTransferredToAMemberNamedInTheBody() throws Exception {
        mvc.perform(post("/v1/workspace/transfer").header("Authorization", jwt())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"" + TenancyScripts.MEMBER_ID.value() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owner.userId").value(TenancyScripts.MEMBER_ID.value()))
                .andExpect(jsonPath("$.owner.role").value("OWNER"))
                .andExpect(jsonPath("$.previousOwner.role").value("ADMIN"));
        invalid(mvc.perform(post("/v1/workspace/transfer").header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{}")), "userId");
        invalid(mvc.perform(post("/v1/workspace/transfer").header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{\"userId\":\"ws_x\"}")), "userId");
        problem(mvc.perform(post("/v1/workspace/transfer").header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{\"userId\":\"usr_ZZZZZZZZZZZZZZZZZZZZZZ\"}")),
                404, "not_found");
    }

    @Test
    void anInvitationShowsItsTokenAndLinkOnceAndIsNeverCached() throws Exception {
        mvc.perform(post("/v1/members/invitations").header("Authorization", jwt())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"New@Example.com\",\"role\":\"admin\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.id").value(TenancyScripts.INVITATION.invitation().id().value()))
                .andExpect(jsonPath("$.email").value("new@example.com"))
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.token").value(TOKEN))
                .andExpect(jsonPath("$.url").value("http://localhost:8080/invitations/" + TOKEN))
                .andExpect(jsonPath("$.expiresAt").value("2026-11-29T10:00:00Z"));
        assertThat(TenancyScripts.lastCall.get()).isEqualTo(new InviteCommand(new Email("new@example.com"),
                Role.ADMIN));

        invalid(mvc.perform(post("/v1/members/invitations").header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\",\"role\":\"KING\"}")),
                "email", "role");
        invalid(mvc.perform(post("/v1/members/invitations").header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{}")), "email", "role");
    }

    @Test
    void pendingInvitationsAreListedWithoutTokensAndRevokedByIdOnly() throws Exception {
        String id = TenancyScripts.INVITATION.invitation().id().value();
        mvc.perform(get("/v1/members/invitations").header("Authorization", jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].id").value(id))
                .andExpect(jsonPath("$.data[0].invitedBy").value(OWNER))
                .andExpect(jsonPath("$.data[0].token").doesNotExist())
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.nextCursor").value(Matchers.nullValue()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString(TOKEN))));
        invalid(mvc.perform(get("/v1/members/invitations?cursor=usr_x").header("Authorization", jwt())), "cursor");

        mvc.perform(delete("/v1/members/invitations/" + id).header("Authorization", jwt()))
                .andExpect(status().isNoContent());
        problem(mvc.perform(delete("/v1/members/invitations/inv_ZZZZZZZZZZZZZZZZZZZZZZ").header("Authorization",
                jwt())), 404, "not_found");
        problem(mvc.perform(delete("/v1/members/invitations/" + TOKEN).header("Authorization", jwt())), 404,
                "not_found");
    }

    @Test
    void anInvitationIsAcceptedByItsTokenAndAnUnknownOneIsNotFound() throws Exception {
        mvc.perform(post("/v1/invitations/" + TOKEN + "/accept").header("Authorization", jwt())
                        .header("Latchkey-Environment", "live"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(WebTestApplication.WORKSPACE.value()))
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.environment").value("live"));
        // the detail never repeats a token (the problem's instance is the request's own path)
        String unknown = "lkinv_" + "Z".repeat(40);
        problem(mvc.perform(post("/v1/invitations/" + unknown + "/accept").header("Authorization", jwt())), 404,
                "not_found").andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString(unknown))));
        problem(mvc.perform(post("/v1/invitations/nothing/accept").header("Authorization", jwt())), 404,
                "not_found");
    }

    @Test
    void workspacesAreListedAndCreated() throws Exception {
        mvc.perform(get("/v1/workspaces").header("Authorization", jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].id").value(WebTestApplication.WORKSPACE.value()))
                .andExpect(jsonPath("$.data[0].role").value("OWNER"))
                .andExpect(jsonPath("$.data[0].plan").value("PRO"))
                .andExpect(jsonPath("$.data[0].environment").value("test"))
                .andExpect(jsonPath("$.hasMore").value(false));
        invalid(mvc.perform(get("/v1/workspaces?cursor=usr_x&limit=0").header("Authorization", jwt())),
                "cursor", "limit");

        mvc.perform(post("/v1/workspaces").header("Authorization", jwt()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" Staging \"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(Matchers.startsWith("ws_")))
                .andExpect(jsonPath("$.name").value("Staging"))
                .andExpect(jsonPath("$.plan").value("FREE"))
                .andExpect(jsonPath("$.role").value("OWNER"));
        assertThat(TenancyScripts.lastCall.get()).isEqualTo(new CreateWorkspaceCommand("Staging"));
        invalid(mvc.perform(post("/v1/workspaces").header("Authorization", jwt()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + "x".repeat(101) + "\"}")), "name");
        invalid(mvc.perform(post("/v1/workspaces").header("Authorization", jwt()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")), "name");
    }

    @Test
    void theTenancyEndpointsAreDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/v1/workspaces'].get.operationId").value("listWorkspaces"))
                .andExpect(jsonPath("$.paths['/v1/workspaces'].post.responses", Matchers.hasKey("201")))
                .andExpect(jsonPath("$.paths['/v1/members'].get.security[*]",
                        Matchers.not(Matchers.hasItem(Matchers.hasKey("apiKey")))))
                .andExpect(jsonPath("$.paths['/v1/members/{userId}'].patch.responses['409'].content",
                        Matchers.hasKey("application/problem+json")))
                .andExpect(jsonPath("$.paths['/v1/members/{userId}'].delete.responses", Matchers.hasKey("204")))
                .andExpect(jsonPath("$.paths['/v1/members/invitations'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/v1/members/invitations/{id}'].delete.responses", Matchers.hasKey("404")))
                .andExpect(jsonPath("$.paths['/v1/invitations/{token}/accept'].post.operationId")
                        .value("acceptInvitation"))
                .andExpect(jsonPath("$.paths['/v1/workspace/transfer'].post.operationId").value("transferOwnership"))
                .andExpect(jsonPath("$.components.schemas", Matchers.hasKey("Member")))
                .andExpect(jsonPath("$.components.schemas", Matchers.hasKey("CreatedInvitation")));
    }
}
