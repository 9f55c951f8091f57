package dev.latchkey.app;

import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.port.out.KeyExpiryRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.apikey.KeyExpiryService;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.application.service.workspace.WorkspaceLockService;
import dev.latchkey.domain.workspace.Plans;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The kill switch and the recording of key expiries (see {@link KeyExpirySweeping}). */
@Configuration(proxyBeanMethods = false)
class KillSwitchConfiguration {

    @Bean
    WorkspaceLockService workspaceLockService(WorkspaceRepository workspaces, WorkspaceLockRepository locks,
                                              Transactions transactions, Plans plans, AuditTrail audit, Clock clock) {
        return new WorkspaceLockService(workspaces, locks, transactions, plans, audit, clock);
    }

    @Bean
    KeyExpiryService keyExpiryService(KeyExpiryRepository expiries, AuditRepository events, Transactions transactions,
                                      Clock clock) {
        return new KeyExpiryService(expiries, events, transactions, clock);
    }
}
