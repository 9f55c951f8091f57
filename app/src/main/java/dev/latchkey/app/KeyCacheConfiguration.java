package dev.latchkey.app;

import dev.latchkey.persistence.MyBatisApiKeyRepository;
import dev.latchkey.persistence.cache.CachingApiKeyRepository;
import dev.latchkey.persistence.cache.KeyChangeListener;
import dev.latchkey.persistence.cache.KeyChangePublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;

/**
 * Every use of the key store goes through the cache ({@link Primary}); the listener keeps it in step with the other
 * nodes.
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

    @Bean
    KeyChangeListener keyChangeListener(DataSource dataSource, CachingApiKeyRepository cache,
                                        LatchkeyProperties properties) {
        return new KeyChangeListener(dataSource, cache, properties.keyCache().checkEvery());
    }
}
