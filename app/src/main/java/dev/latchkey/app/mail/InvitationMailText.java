package dev.latchkey.app.mail;

import dev.latchkey.application.port.out.MailPort.InvitationMail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of an invitation mail (plain text). */
final class InvitationMailText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private InvitationMailText() {
    }

    static String subject(InvitationMail mail) {
        return "You are invited to join " + oneLine(mail.workspaceName()) + " on Latchkey";
    }

    static String body(InvitationMail mail) {
        String role = mail.role().name().charAt(0) + mail.role().name().substring(1).toLowerCase(Locale.ROOT);
        return mail.invitedBy() + " invited you to join the workspace \"" + oneLine(mail.workspaceName())
                + "\" on Latchkey as " + role + ".\n\n"
                + "Open this link to accept the invitation (it works once, until " + WHEN.format(mail.expiresAt())
                + "):\n\n"
                + mail.url() + "\n\n"
                + "Sign in as " + mail.to().value() + " to accept. New to Latchkey? Create your account with this "
                + "email address first (it comes with a workspace of your own), then open the link again.\n"
                + "Using the API: with your user token, POST /v1/invitations/<the last part of the link>/accept.\n\n"
                + "If you did not expect this invitation, ignore this mail.\n";
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
