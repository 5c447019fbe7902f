package com.groupbuy.platform;

import com.groupbuy.platform.security.SecurityConfiguration;
import com.groupbuy.platform.web.WebConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The HTTP edge every process shares; an application imports it with {@code @Import}. */
@Configuration(proxyBeanMethods = false)
@Import({WebConfiguration.class, SecurityConfiguration.class})
@ComponentScan(basePackageClasses = SecurityConfiguration.class,
        includeFilters = @ComponentScan.Filter(org.springframework.web.bind.annotation.RestController.class),
        useDefaultFilters = false)
public class PlatformConfiguration {
}
