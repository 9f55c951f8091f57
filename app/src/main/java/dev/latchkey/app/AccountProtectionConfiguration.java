package dev.latchkey.app;

import dev.latchkey.app.security.InMemoryLoginThrottle;
import dev.latchkey.application.port.out.LoginThrottle;
import dev.latchkey.application.port.out.PasswordHasher;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.account.ChangePasswordService;
import dev.latchkey.application.service.account.UserTokenService;
import dev.latchkey.application.service.audit.AuditTrail;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Account protection: sign-in throttling (per account and per client address, in each node's memory), password
 * change, and the check that a user token was issued since the user's last password change.
 */
@Configuration(proxyBeanMethods = false)
public class AccountProtectionConfiguration {

    /**
     * {@code latchkey.login.*}: how many failed sign-ins (login, and wrong current passwords of a password change)
     * are allowed before further attempts are refused with 429 {@code rate_limited}. Each node counts what it sees.
     *
     * @param maxFailuresPerAccount failed attempts per account (the email as typed, whether or not it is an account)
     *                              within {@code window}
     * @param maxFailuresPerAddress failed attempts per client address (IPv6: per /64) within {@code window}
     * @param window                how long a failed attempt counts
     * @param maxTracked            how many accounts, and how many addresses, each node tracks at most
     */
    public record Login(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
                       @DefaultValue("15m") Duration window, @DefaultValue("100000") long maxTracked) {
        public Login {
            if (maxFailuresPerAccount <= 0 || maxFailuresPerAddress <= 0 || maxTracked <= 0) {
                throw new IllegalArgumentException("latchkey.login.max-failures-per-account, "
                        + ".max-failures-per-address and .max-tracked must be positive");
            }
            if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("latchkey.login.window must be at least 1 s");
            }
        }
    }

    @Bean
    LoginThrottle loginThrottle(LatchkeyProperties properties, Clock clock) {
        Login login = properties.login();
        return new InMemoryLoginThrottle(login.maxFailuresPerAccount(), login.maxFailuresPerAddress(), login.window(),
                login.maxTracked(), clock);
    }

    @Bean
    ChangePasswordService changePasswordService(UserRepository users, WorkspaceRepository workspaces,
                                                PasswordHasher passwordHasher, LoginThrottle throttle,
                                                Transactions transactions, AuditTrail audit, Clock clock) {
        return new ChangePasswordService(users, workspaces, passwordHasher, throttle, transactions, audit, clock);
    }

    @Bean
    UserTokenService userTokenService(UserRepository users) {
        return new UserTokenService(users);
    }
}
