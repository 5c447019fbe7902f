package com.groupbuy.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.groupbuy.platform.EdgeClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Dev tokens are for the developer's own machine: even with the {@code local} profile switched on by mistake, a
 * caller from another address gets none, whatever forwarding headers it sends. The server here trusts every proxy,
 * so that a spoofed {@code X-Forwarded-For} does rewrite the remote address it sees.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groupbuy.security.jwt.secret=an-edge-test-secret-that-is-long-enough",
                "server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=.*"})
@ActiveProfiles("local")
class DevTokensOnlyOnThisMachineTest {

    private static final String ADMIN_REQUEST = "{\"userId\":\"u1\",\"roles\":[\"admin\"]}";

    @LocalServerPort
    int port;

    @Test
    void a_caller_on_the_loopback_interface_gets_a_token() throws Exception {
        assertThat(new EdgeClient("127.0.0.1", port).post("/api/v1/dev/tokens", null, ADMIN_REQUEST).status())
                .isEqualTo(200);
    }

    @Test
    void a_caller_from_another_address_gets_no_token() throws Exception {
        EdgeClient fromOutside = new EdgeClient(nonLoopbackAddress(), port);

        assertProblem(fromOutside.post("/api/v1/dev/tokens", null, ADMIN_REQUEST), 403, "FORBIDDEN");
        assertProblem(fromOutside.post("/api/v1/dev/tokens", null, "{\"userId\":\"\"}"), 403, "FORBIDDEN");
    }

    @Test
    void a_forwarded_for_header_naming_loopback_gets_no_token() throws Exception {
        EdgeClient fromOutside = new EdgeClient(nonLoopbackAddress(), port);

        for (Map<String, String> spoofed : List.of(Map.of("X-Forwarded-For", "127.0.0.1"),
                Map.of("X-Forwarded-For", "127.0.0.1", "X-Forwarded-Host", "localhost"))) {
            assertProblem(fromOutside.post("/api/v1/dev/tokens", null, ADMIN_REQUEST, spoofed), 403, "FORBIDDEN");
        }
    }

    /** An IPv4 address of this machine other than loopback, to call the server from "another machine". */
    private static String nonLoopbackAddress() throws SocketException {
        Optional<String> address = NetworkInterface.networkInterfaces()
                .filter(DevTokensOnlyOnThisMachineTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress)
                .findFirst();
        assumeTrue(address.isPresent(), "this machine has no address but loopback");
        return address.get();
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
