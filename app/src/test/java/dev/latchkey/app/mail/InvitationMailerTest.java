package dev.latchkey.app.mail;

import dev.latchkey.application.port.out.MailPort.InvitationMail;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class InvitationMailerTest {

    private static final String TOKEN = "lkinv_" + "T0kenT0kenT0kenT0kenT0kenT0kenT0kenT0ken";
    private static final InvitationMail MAIL = new InvitationMail(InvitationId.newId(), new Email("new@example.com"),
            "Acme\nInc", "ada@example.com", Role.ADMIN, "https://latchkey.example.com/invitations/" + TOKEN,
            Instant.parse("2026-12-08T11:00:00Z"));

    /** Keeps what it is asked to send; fails when told to. */
    static final class RecordingSender extends JavaMailSenderImpl {
        final List<SimpleMailMessage> sent = new ArrayList<>();
        boolean failing;

        @Override
        public void send(SimpleMailMessage... messages) {
            if (failing) {
                throw new MailSendException("Mail server connection failed",
                        new java.net.ConnectException("Connection refused"));
            }
            sent.addAll(List.of(messages));
        }
    }

    @Test
    void theInvitationIsMailedWithItsLinkToTheInvitee(CapturedOutput output) {
        RecordingSender sender = new RecordingSender();

        new SmtpInvitationMailer(sender, "latchkey@example.com", Runnable::run).sendInvitation(MAIL);

        SimpleMailMessage message = sender.sent.getFirst();
        assertThat(message.getTo()).containsExactly("new@example.com");
        assertThat(message.getFrom()).isEqualTo("latchkey@example.com");
        assertThat(message.getSubject()).isEqualTo("You are invited to join Acme Inc on Latchkey");
        assertThat(message.getText()).contains(MAIL.url()).contains("ada@example.com").contains("as Admin")
                .contains("2026-12-08 11:00 UTC").contains("POST /v1/invitations/");
        assertThat(output).doesNotContain(TOKEN);
    }

    @Test
    void aFailureIsLoggedWithoutTheLink(CapturedOutput output) {
        RecordingSender sender = new RecordingSender();
        sender.failing = true;

        new SmtpInvitationMailer(sender, "latchkey@example.com", Runnable::run).sendInvitation(MAIL);

        assertThat(output).contains("could not be sent").contains("Connection refused")
                .contains(MAIL.invitationId().value()).doesNotContain(TOKEN);
    }

    @Test
    void theMailerSendsInTheBackgroundAndWaitsForItAtClose() {
        RecordingSender sender = new RecordingSender();
        try (SmtpInvitationMailer mailer = new SmtpInvitationMailer(sender, "latchkey@example.com")) {
            mailer.sendInvitation(MAIL);
        }
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void withoutAMailServerTheInvitationIsLoggedWithoutItsToken(CapturedOutput output) {
        new LoggingInvitationMailer().sendInvitation(MAIL);

        assertThat(output).contains(MAIL.invitationId().value()).contains("new@example.com")
                .contains("spring.mail.host").doesNotContain(TOKEN).doesNotContain("/invitations/");
        assertThat(MAIL.toString()).doesNotContain(TOKEN);
    }
}
