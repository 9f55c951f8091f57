package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake keeps the contract (and refuses writes outside a transaction). */
class InMemoryApiKeyRepositoryContractTest extends ApiKeyRepositoryContract {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(transactions);

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
        ApiKey key = ContractKeys.key(WorkspaceId.newId(), Environment.LIVE, NOW);

        assertThatThrownBy(() -> keys.add(key, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
        assertThatThrownBy(() -> keys.revoke(key, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(keys.all()).isEmpty();
    }
}
