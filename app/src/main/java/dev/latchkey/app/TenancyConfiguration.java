package dev.latchkey.app;

import dev.latchkey.app.mail.LoggingInvitationMailer;
import dev.latchkey.app.mail.SmtpInvitationMailer;
import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.application.port.out.MailPort;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.application.service.member.InvitationService;
import dev.latchkey.application.service.member.MemberManagementService;
import dev.latchkey.application.service.workspace.WorkspaceManagementService;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.Plans;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;

/**
 * Workspaces, members and invitations (PRODUCT.md §1, §12) as beans, and the mail that carries invitations: SMTP
 * through Spring's mail support when {@code spring.mail.host} is set (the sender is {@code spring.mail.properties
 * .mail.from}, else {@code spring.mail.username} when it is an address, else {@code latchkey@<public-url host>}),
 * otherwise a log line without the invitation's token.
 */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    static final String FROM_PROPERTY = "spring.mail.properties.mail.from";

    @Bean
    WorkspaceManagementService workspaceManagementService(WorkspaceRepository workspaces, Transactions transactions,
                                                          AuditTrail audit, Clock clock) {
        return new WorkspaceManagementService(workspaces, transactions, audit, clock);
    }

    @Bean
    MemberManagementService memberManagementService(WorkspaceRepository workspaces, Transactions transactions,
                                                    AuditTrail audit) {
        return new MemberManagementService(workspaces, transactions, audit);
    }

    @Bean
    InvitationService invitationService(WorkspaceRepository workspaces, InvitationRepository invitations,
                                        UserRepository users, Transactions transactions, Plans plans,
                                        AuditTrail audit, MailPort mail, Clock clock, SecureRandom random,
                                        LatchkeyProperties properties) {
        return new InvitationService(workspaces, invitations, users, transactions, plans, audit, mail, clock, random,
                publicUrl(properties.publicUrl()).toString(), Invitation.DEFAULT_TTL);
    }

    @Bean
    MailPort mailPort(ObjectProvider<JavaMailSender> senders, Environment environment,
                      LatchkeyProperties properties) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return new LoggingInvitationMailer();
        }
        return new SmtpInvitationMailer(sender, from(environment, publicUrl(properties.publicUrl())));
    }

    /** {@code latchkey.public-url}: an absolute http(s) URL, without a trailing slash. */
    static URI publicUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("latchkey.public-url must be the absolute http(s) URL users reach "
                    + "Latchkey at, such as https://latchkey.example.com; it is '" + value + "'");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The sender address of the mails. */
    static String from(Environment environment, URI publicUrl) {
        String configured = environment.getProperty(FROM_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String username = environment.getProperty("spring.mail.username");
        if (username != null && Email.isValid(username)) {
            return username.strip();
        }
        return "latchkey@" + publicUrl.getHost().toLowerCase(Locale.ROOT);
    }
}
