package com.groupbuy.platform;

import com.groupbuy.platform.apidocs.ApiDocumentation;
import com.groupbuy.platform.memory.CgroupMemoryConfiguration;
import com.groupbuy.platform.observability.ExemplarsConfiguration;
import com.groupbuy.platform.security.DevTokenConfiguration;
import com.groupbuy.platform.security.SecurityConfiguration;
import com.groupbuy.platform.web.WebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The HTTP edge of the processes clients call (api, query side), dev tokens of the local run and the OpenAPI
 * document included, and the cgroup memory gauges; an application imports it with {@code @Import}.
 */
@Configuration(proxyBeanMethods = false)
@Import({WebConfiguration.class, SecurityConfiguration.class, DevTokenConfiguration.class, ApiDocumentation.class,
        CgroupMemoryConfiguration.class, ExemplarsConfiguration.class})
public class PlatformConfiguration {
}
