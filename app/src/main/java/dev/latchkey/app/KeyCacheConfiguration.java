package dev.latchkey.app;

import dev.latchkey.persistence.MyBatisApiKeyRepository;
import dev.latchkey.persistence.MyBatisWorkspaceLockRepository;
import dev.latchkey.persistence.cache.CachingApiKeyRepository;
import dev.latchkey.persistence.cache.CachingWorkspaceLockRepository;
import dev.latchkey.persistence.cache.KeyChangeListener;
import dev.latchkey.persistence.cache.KeyChangePublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.util.List;

/**
 * Every use of the key store, and of the workspaces' kill switch, goes through its cache ({@link Primary}); the
 * listener keeps both in step with the other nodes (one LISTEN connection for both, in commit order).
 */
@Configuration(proxyBeanMethods = false)
class KeyCacheConfiguration {

    @Bean
    @Primary
    CachingApiKeyRepository cachingApiKeyRepository(MyBatisApiKeyRepository store, KeyChangePublisher publisher,
                                                    LatchkeyProperties properties) {
        return new CachingApiKeyRepository(store, publisher, properties.keyCache().ttl(),
                properties.keyCache().maximumKeys());
    }

    /** The same settings as the key cache: there are never more workspaces in use than keys. */
    @Bean
    @Primary
    CachingWorkspaceLockRepository cachingWorkspaceLockRepository(MyBatisWorkspaceLockRepository store,
                                                                  KeyChangePublisher publisher,
                                                                  LatchkeyProperties properties) {
        return new CachingWorkspaceLockRepository(store, publisher, properties.keyCache().ttl(),
                properties.keyCache().maximumKeys());
    }

    @Bean
    KeyChangeListener keyChangeListener(DataSource dataSource, CachingApiKeyRepository keys,
                                        CachingWorkspaceLockRepository locks, LatchkeyProperties properties) {
        return new KeyChangeListener(dataSource, List.of(keys, locks), properties.keyCache().checkEvery());
    }
}
