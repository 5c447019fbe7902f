package com.groupbuy.query;

import com.groupbuy.platform.redis.RedisClientSizing;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(@Value("${groupbuy.redis.url}") String url,
                            @Value("${groupbuy.redis.connections:0}") int connections,
                            @Value("${groupbuy.redis.netty-threads:0}") int nettyThreads) {
        return Redisson.create(RedisClientSizing.forThisProcess(4).overriddenBy(connections, nettyThreads)
                .applyTo(new Config(), url));
    }
}
