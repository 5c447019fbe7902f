package com.groupbuy.platform.observability;

import com.groupbuy.platform.PlatformConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform edge with one endpoint, as the processes' edges are traced. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, TracedApplication.Endpoint.class})
class TracedApplication {

    @RestController
    static class Endpoint {

        @GetMapping("/api/v1/whoami")
        String whoami() {
            return "someone";
        }
    }
}
