package com.groupbuy.projections;

import com.groupbuy.health.KafkaHealthConfiguration;
import com.groupbuy.health.RedisHealthConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({KafkaHealthConfiguration.class, RedisHealthConfiguration.class})
public class ProjectionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionsApplication.class, args);
    }
}
