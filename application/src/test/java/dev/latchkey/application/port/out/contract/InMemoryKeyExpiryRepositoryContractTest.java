package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryKeyExpiryRepository;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.KeyExpiryRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake keeps the contract (and refuses to work outside a transaction). */
class InMemoryKeyExpiryRepositoryContractTest extends KeyExpiryRepositoryContract {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(transactions);
    private final InMemoryKeyExpiryRepository expiries = new InMemoryKeyExpiryRepository(keys, transactions);

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }

    @Override
    protected KeyExpiryRepository expiries() {
        return expiries;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected WorkspaceId newWorkspace() {
        return WorkspaceId.newId();
    }

    @Test
    void workOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> expiries.claimUnrecorded(Instant.now(), 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
    }
}
