package dev.latchkey.app.mail;

import dev.latchkey.application.port.out.MailPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;

/**
 * Invitation mails through Spring's {@link JavaMailSender} (SMTP, {@code spring.mail.*}). Each is sent in the
 * background, so that a slow or unreachable mail server never holds up the request that invited; a failure is logged
 * (never with the link, which holds the invitation's token) and the invitation stays valid: the inviting admin has
 * its link too.
 */
public final class SmtpInvitationMailer implements MailPort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpInvitationMailer.class);

    private final JavaMailSender sender;
    private final String from;
    private final Executor executor;
    private final ExecutorService owned;

    /** Sends on virtual threads; {@link #close()} waits for the mails under way (at shutdown). */
    public SmtpInvitationMailer(JavaMailSender sender, String from) {
        this(sender, from, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Sends with {@code executor} (tests: {@code Runnable::run}). */
    public SmtpInvitationMailer(JavaMailSender sender, String from, Executor executor) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.from = Objects.requireNonNull(from, "from");
        this.executor = executor;
        this.owned = executor instanceof ExecutorService service ? service : null;
    }

    @Override
    public void sendInvitation(InvitationMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to().value());
        message.setSubject(InvitationMailText.subject(mail));
        message.setText(InvitationMailText.body(mail));
        executor.execute(() -> {
            try {
                sender.send(message);
                log.info("invitation {} mailed to {}", mail.invitationId(), mail.to());
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                // the classes and the innermost message (a connection refused, a rejected recipient), never the text
                log.warn("the mail of invitation {} to {} could not be sent: {} ({}: {}); its link was shown to the "
                                + "inviting admin", mail.invitationId(), mail.to(), e.getClass().getSimpleName(),
                        cause.getClass().getSimpleName(), cause.getMessage());
            }
        });
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
