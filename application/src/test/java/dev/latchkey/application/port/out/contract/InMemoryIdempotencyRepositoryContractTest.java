package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryIdempotencyRepository;
import dev.latchkey.application.port.out.IdempotencyRepository;
import dev.latchkey.application.port.out.Transactions;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake keeps the contract (and refuses writes outside a transaction). */
class InMemoryIdempotencyRepositoryContractTest extends IdempotencyRepositoryContract {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryIdempotencyRepository records = new InMemoryIdempotencyRepository(transactions);

    @Override
    protected IdempotencyRepository records() {
        return records;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Test
    void writesOutsideATransactionAreRefused() {
        assertThatThrownBy(() -> records.claim("scope", "key", new byte[]{1}, Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
        assertThat(records.size()).isZero();
    }
}
