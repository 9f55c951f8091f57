package dev.latchkey.persistence;

import dev.latchkey.persistence.cache.Announcement;
import dev.latchkey.persistence.cache.KeyChange;
import dev.latchkey.persistence.cache.KeyChangePublisher;
import org.springframework.stereotype.Component;

/** Announces changes (of keys, of workspace locks) with PostgreSQL's NOTIFY, in the transaction of the change. */
@Component
public class MyBatisKeyChangePublisher implements KeyChangePublisher {

    private final KeyChangeMapper mapper;

    public MyBatisKeyChangePublisher(KeyChangeMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void publish(Announcement change) {
        StoreFailures.guard(() -> mapper.announce(KeyChange.CHANNEL, change.payload()));
    }
}
