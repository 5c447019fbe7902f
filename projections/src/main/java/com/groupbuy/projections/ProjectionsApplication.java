package com.groupbuy.projections;

import com.groupbuy.health.KafkaHealthConfiguration;
import com.groupbuy.health.RedisHealthConfiguration;
import com.groupbuy.platform.memory.CgroupMemoryConfiguration;
import com.groupbuy.platform.observability.ExemplarsConfiguration;
import com.groupbuy.platform.security.SecurityConfiguration;
import com.groupbuy.platform.web.WebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The projections process. Its HTTP edge is the platform's (JWT, roles, problem+json) for the operator endpoints,
 * without the dev tokens: those come from the api or the query side of the local run.
 */
@SpringBootApplication
@Import({WebConfiguration.class, SecurityConfiguration.class, CgroupMemoryConfiguration.class,
        ExemplarsConfiguration.class, KafkaHealthConfiguration.class, RedisHealthConfiguration.class})
public class ProjectionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionsApplication.class, args);
    }
}
