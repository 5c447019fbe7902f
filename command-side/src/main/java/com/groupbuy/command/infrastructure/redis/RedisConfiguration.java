package com.groupbuy.command.infrastructure.redis;

import com.groupbuy.platform.redis.RedisClientSizing;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis, for the flash-sale gate and the crowd rate limit; scripts are sent by digest once Redis has them. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(@Value("${groupbuy.redis.url}") String url,
                            @Value("${groupbuy.redis.connections:0}") int connections,
                            @Value("${groupbuy.redis.netty-threads:0}") int nettyThreads) {
        Config config = new Config();
        config.setUseScriptCache(true);
        return Redisson.create(RedisClientSizing.forThisProcess(8).overriddenBy(connections, nettyThreads)
                .applyTo(config, url));
    }
}
