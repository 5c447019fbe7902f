package com.groupbuy.command;

import com.groupbuy.health.KafkaHealthConfiguration;
import com.groupbuy.health.RedisHealthConfiguration;
import com.groupbuy.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** One artifact, two roles: {@code api} (HTTP commands, port 8081) and {@code worker} (port 8084). */
@SpringBootApplication
@Import({PlatformConfiguration.class, KafkaHealthConfiguration.class, RedisHealthConfiguration.class})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
