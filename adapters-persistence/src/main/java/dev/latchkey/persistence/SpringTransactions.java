package dev.latchkey.persistence;

import dev.latchkey.application.port.out.Transactions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/** {@link Transactions} on Spring's transaction manager: the DataSource's JDBC transactions. */
@Component
public class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return StoreFailures.guard(() -> template.execute(status -> work.get()));
    }
}
