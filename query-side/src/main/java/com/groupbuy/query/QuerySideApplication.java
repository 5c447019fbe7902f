package com.groupbuy.query;

import com.groupbuy.health.RedisHealthConfiguration;
import com.groupbuy.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({PlatformConfiguration.class, RedisHealthConfiguration.class})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
