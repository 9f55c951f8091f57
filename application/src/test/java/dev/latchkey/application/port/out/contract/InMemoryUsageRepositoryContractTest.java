package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryUsageRepository;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake keeps the contract (and refuses writes outside a transaction). */
class InMemoryUsageRepositoryContractTest extends UsageRepositoryContract {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(transactions);
    private final InMemoryUsageRepository usage = new InMemoryUsageRepository(keys, transactions);

    @Override
    protected UsageRepository usage() {
        return usage;
    }

    @Override
    protected ApiKeyRepository keys() {
        return keys;
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
    void writesOutsideATransactionAreRefused() {
        assertThatThrownBy(() -> usage.addCounts(List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
        assertThatThrownBy(() -> usage.touchLastUsed(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
