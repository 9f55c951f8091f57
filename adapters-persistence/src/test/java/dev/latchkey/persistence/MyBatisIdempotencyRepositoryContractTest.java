package dev.latchkey.persistence;

import dev.latchkey.application.port.out.IdempotencyRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.contract.IdempotencyRepositoryContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisIdempotencyRepositoryContractTest extends IdempotencyRepositoryContract {

    @Autowired MyBatisIdempotencyRepository records;
    @Autowired Transactions transactions;

    @Override
    protected IdempotencyRepository records() {
        return records;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
