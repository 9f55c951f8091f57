package dev.latchkey.archfixtures.application.service.thing;

import org.springframework.transaction.support.TransactionTemplate;

/** Breaks applicationIsFrameworkFree: Spring transactions inside the application. */
public final class BadTransactionalHelper {

    private final TransactionTemplate transactions;

    public BadTransactionalHelper(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
