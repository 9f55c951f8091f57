package dev.latchkey.app.mail;

import dev.latchkey.application.port.out.MailPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where no mail server is configured: each invitation is logged, without its link (which holds the token), so that
 * an operator sees it was made; the inviting admin passes the link shown to them on.
 */
public final class LoggingInvitationMailer implements MailPort {

    private static final Logger log = LoggerFactory.getLogger(LoggingInvitationMailer.class);

    @Override
    public void sendInvitation(InvitationMail mail) {
        log.info("invitation {} for {} to join \"{}\" as {} (invited by {}, expires {}); no mail is sent because no "
                        + "mail server is configured (spring.mail.host): its link was shown to the inviting admin only",
                mail.invitationId(), mail.to(), mail.workspaceName(), mail.role(), mail.invitedBy(),
                mail.expiresAt());
    }
}
