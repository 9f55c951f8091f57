package dev.latchkey.dashboard;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.ManageInvitationsUseCase;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An invitation link: its token goes into the session, out of the address bar, and into no page or header. */
@SpringBootTest(classes = DashboardTestApplication.class)
@AutoConfigureMockMvc
class InvitationPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String TOKEN = "lkinv_" + "A".repeat(40);

    @Autowired
    MockMvc mvc;

    @Autowired
    ManageInvitationsUseCase invitations;

    @AfterEach
    void forgetStubs() {
        Mockito.reset(invitations);
    }

    @Test
    void signedOutTheLinkLeadsToSignInAndIsRemembered() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/invitations/" + TOKEN).session(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        String login = mvc.perform(get("/login").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(login).contains("id=\"invitation-notice\"").doesNotContain(TOKEN);
        assertThat(mvc.perform(get("/register").session(session)).andReturn().getResponse().getContentAsString())
                .contains("id=\"invitation-notice\"").doesNotContain(TOKEN);
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
                .as("no invitation, no notice").doesNotContain("invitation-notice");
    }

    @Test
    void signedInTheLinkIsConfirmedWithoutTheTokenAndARefusalExplainsItself() throws Exception {
        MockHttpSession session = signedIn();
        mvc.perform(get("/invitations/" + TOKEN).session(session))
                .andExpect(redirectedUrl("/invitation"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", "no-store"));
        InvitationId shown = InvitationId.newId();
        Mockito.when(invitations.preview(any(AccountCaller.class), eq(TOKEN))).thenReturn(
                new ManageInvitationsUseCase.InvitationPreview(shown, "Acme", Role.ADMIN, new Email("invitee@example.com"),
                        Instant.parse("2030-01-01T00:00:00Z"), Optional.empty()));
        String confirm = mvc.perform(get("/invitation").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("id=\"join\"").contains("action=\"/invitation\"").contains("Join Acme")
                .contains("value=\"" + shown.value() + "\"").doesNotContain("invitation-other-email")
                .doesNotContain(TOKEN);

        String swapped = mvc.perform(post("/invitation").session(session).param("_csrf", csrf(confirm))
                        .param("invitation", InvitationId.newId().value()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(swapped).as("another invitation than the one shown is not joined").contains("changed since")
                .doesNotContain(TOKEN);
        Mockito.verify(invitations, Mockito.never()).accept(any(AccountCaller.class), any());

        mvc.perform(get("/invitations/" + TOKEN).session(session)).andExpect(redirectedUrl("/invitation"));
        Mockito.when(invitations.accept(any(AccountCaller.class), eq(TOKEN))).thenThrow(
                new DomainException(ErrorCode.NOT_FOUND, "invitation not found; check the link, or ask for a new one"));
        String refused = mvc.perform(post("/invitation").session(session).param("_csrf", csrf(confirm))
                        .param("invitation", shown.value()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("This invitation link does not work")
                .contains("a new invitation").doesNotContain(TOKEN);

        String none = mvc.perform(get("/invitation").session(session)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(none).as("a refused invitation is forgotten").contains("No invitation to accept");
    }

    private MockHttpSession signedIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String form = mvc.perform(get("/register").session(session)).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/register").session(session).param("_csrf", csrf(form))
                        .param("email", "invitee+" + UUID.randomUUID() + "@example.com")
                        .param("password", "long enough").param("workspaceName", "Own"))
                .andExpect(status().isOk());
        return session;
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field").isTrue();
        return matcher.group(1);
    }
}
