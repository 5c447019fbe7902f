package com.groupbuy.query.console;

import com.groupbuy.identityprovider.TestIdentityProvider;
import com.groupbuy.platform.browser.HeadlessChromium;
import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's sign-in with an identity provider, against a real one in the test's JVM
 * ({@link TestIdentityProvider}), configured as docs/console.md says: a client registration for the query side's
 * OAuth2 login, and the provider's keys, issuer and audience for every bearer token. A user signs in through the
 * provider's login form, the page's call to {@code /console/token} answers the provider's access token, and the
 * APIs take it as any bearer token: for what the user's roles allow, and no further. Once over HTTP, step by step,
 * and once in headless Chromium through the console's button.
 */
class ConsoleSignInIT extends QuerySideTestSupport {

    private static final TestIdentityProvider PROVIDER = TestIdentityProvider.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String SALES = "/api/v1/analytics/sales?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z";

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("groupbuy.security.jwt.jwk-set-uri", PROVIDER::jwkSetUri);
        registry.add("groupbuy.security.jwt.issuer", PROVIDER::issuer);
        registry.add("groupbuy.security.jwt.audience", () -> TestIdentityProvider.AUDIENCE);
        String registration = "spring.security.oauth2.client.registration.groupbuy.";
        registry.add(registration + "provider", () -> "idp");
        registry.add(registration + "client-name", () -> "Test IdP");
        registry.add(registration + "client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "scope", () -> "openid");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/console/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.idp.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.close();
    }

    @Test
    void the_settings_offer_sign_in_with_the_provider() throws Exception {
        Answer settings = get("/console/settings.json", null);
        assertThat(settings.status()).isEqualTo(200);
        JsonNode signIn = settings.body().get("signIn");
        assertThat(signIn.size()).isEqualTo(1);
        assertThat(signIn.get(0).get("name").asString()).isEqualTo("Test IdP");
        assertThat(signIn.get(0).get("url").asString()).isEqualTo("/console/oauth2/authorization/groupbuy");
    }

    @Test
    void without_a_sign_in_there_is_no_token_and_a_return_from_nowhere_fails_without_a_session() throws Exception {
        HttpResponse<String> token = getRaw("/console/token", null, "application/json");
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(token.body()).get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(token.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> forgedReturn = getRaw("/console/login/oauth2/code/groupbuy?code=c&state=s", null, null);
        assertThat(forgedReturn.statusCode()).isEqualTo(302);
        assertThat(forgedReturn.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/console/?sign-in-failed"));
        assertThat(forgedReturn.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void a_user_signed_in_with_the_provider_calls_the_apis_with_its_access_token() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> loginForm = browser.get(uri("/console/oauth2/authorization/groupbuy"), null);
        assertThat(loginForm.uri().toString()).isEqualTo(PROVIDER.issuer() + "/login");
        HttpResponse<String> console = browser.post(loginForm.uri(), Map.of(
                "username", TestIdentityProvider.USER,
                "password", TestIdentityProvider.PASSWORD,
                "_csrf", hiddenCsrfToken(loginForm.body())));
        assertThat(console.uri()).isEqualTo(uri("/console/"));
        assertThat(console.statusCode()).isEqualTo(200);

        HttpResponse<String> answer = browser.get(uri("/console/token"), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String token = JSON.readTree(answer.body()).get("token").asString();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.get("iss").asString()).isEqualTo(PROVIDER.issuer());
        assertThat(claims.get("sub").asString()).isEqualTo(TestIdentityProvider.USER);
        assertThat(claims.get("roles").toString()).isEqualTo("[\"analyst\"]");

        assertThat(browser.sends(uri(SALES), "JSESSIONID")).as("the session cookie sent to an API").isFalse();
        HttpResponse<String> sales = browser.get(uri(SALES), token);
        assertThat(sales.statusCode()).as(sales.body()).isEqualTo(200);
        assertThat(sales.headers().allValues("Set-Cookie")).as("a session made by an API call").isEmpty();
        assertProblem(get("/api/v1/me/orders", token), 403, "FORBIDDEN");
        assertProblem(get("/api/v1/counter/queue", token), 403, "FORBIDDEN");

        HttpResponse<String> again = browser.get(uri("/console/token"), null);
        assertThat(again.statusCode()).isEqualTo(200);
        String refreshed = JSON.readTree(again.body()).get("token").asString();
        assertThat(refreshed).as("the token asked again, refreshed: it lives %s, expiring within the client's minute",
                TestIdentityProvider.ACCESS_TOKEN_LIFETIME).isNotEqualTo(token);
        assertThat(get(SALES, refreshed).status()).isEqualTo(200);

        String session = browser.cookie(uri("/console/token"), "JSESSIONID");
        assertThat(browser.post(uri("/console/sign-out"), Map.of()).statusCode()).isEqualTo(204);
        HttpResponse<String> afterSignOut = new Browser().withCookie(uri("/console/"), "JSESSIONID", session)
                .get(uri("/console/token"), null);
        assertThat(afterSignOut.statusCode()).as("the signed-out session's token").isEqualTo(401);
    }

    @Test
    void in_the_console_a_user_signs_in_with_the_provider_sees_the_analyst_view_and_signs_out() throws Exception {
        ChromeDriver chrome = HeadlessChromium.start(new ChromeOptions());
        try {
            chrome.get(uri("/console/").toString());
            WebElement signIn = await().atMost(PATIENCE)
                    .until(() -> chrome.findElements(By.cssSelector("#oidc-sign-in button")), found -> !found.isEmpty())
                    .get(0);
            assertThat(signIn.getText()).isEqualTo("Sign in with Test IdP");
            signIn.click();

            await().atMost(PATIENCE).until(chrome::getCurrentUrl, (PROVIDER.issuer() + "/login")::equals);
            chrome.findElement(By.name("username")).sendKeys(TestIdentityProvider.USER);
            chrome.findElement(By.name("password")).sendKeys(TestIdentityProvider.PASSWORD);
            chrome.findElement(By.cssSelector("button[type=submit]")).click();
            await().atMost(PATIENCE).until(() -> chrome.findElement(By.tagName("body")).getDomAttribute("data-loaded"),
                    "analyst"::equals);
            assertThat(chrome.getCurrentUrl()).isEqualTo(uri("/console/").toString());
            assertThat(chrome.findElement(By.id("identity")).getText()).isEqualTo("signed in as ana (analyst)");

            chrome.findElement(By.id("sign-out")).click();
            await().atMost(PATIENCE).until(() -> chrome.findElement(By.id("identity")).getText(),
                    "not signed in"::equals);
            chrome.navigate().refresh();
            await().atMost(PATIENCE).until(() -> chrome.findElement(By.id("message")).getText(),
                    "Sign in to see the analyst view."::equals);
            assertThat(chrome.findElement(By.id("identity")).getText()).isEqualTo("not signed in");
        } finally {
            chrome.quit();
        }
    }

    private static String hiddenCsrfToken(String loginPage) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login form's CSRF token in %s", loginPage).isTrue();
        return csrf.group(1);
    }

    /**
     * As much of a browser as the sign-in needs: it follows redirects, keeps each server's cookies apart and sends a
     * cookie only under its path.
     */
    private static final class Browser {

        private static final int MAX_REDIRECTS = 10;

        private record Cookie(String value, String path) {

            static Cookie of(String setCookie) {
                Matcher path = Pattern.compile(";\\s*Path=([^;]+)", Pattern.CASE_INSENSITIVE).matcher(setCookie);
                return new Cookie(setCookie.split(";", 2)[0].split("=", 2)[1], path.find() ? path.group(1) : "/");
            }

            boolean sentTo(URI uri) {
                String requested = uri.getPath();
                return path.equals("/") || requested.equals(path) || requested.startsWith(path + "/");
            }
        }

        private final HttpClient http = HttpClient.newHttpClient();
        /** By host and port: the provider and the query side both listen on 127.0.0.1. */
        private final Map<String, Map<String, Cookie>> cookies = new HashMap<>();

        HttpResponse<String> get(URI uri, String bearer) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return follow(send(uri, request));
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream()
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return follow(send(uri, HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))));
        }

        Browser withCookie(URI uri, String name, String value) {
            jar(uri).put(name, new Cookie(value, "/"));
            return this;
        }

        boolean sends(URI uri, String name) {
            Cookie cookie = jar(uri).get(name);
            return cookie != null && cookie.sentTo(uri);
        }

        /** The value of a cookie this browser would send to {@code uri}. */
        String cookie(URI uri, String name) {
            Cookie cookie = jar(uri).get(name);
            assertThat(cookie).as("cookie %s of %s", name, uri.getAuthority()).isNotNull();
            assertThat(cookie.sentTo(uri)).as("cookie %s (path %s) sent to %s", name, cookie.path(), uri).isTrue();
            return cookie.value();
        }

        private Map<String, Cookie> jar(URI uri) {
            return cookies.computeIfAbsent(uri.getAuthority(), server -> new LinkedHashMap<>());
        }

        private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            for (int hops = 0; response.statusCode() / 100 == 3; hops++) {
                assertThat(hops).as("redirects from %s", response.uri()).isLessThan(MAX_REDIRECTS);
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(next, HttpRequest.newBuilder(next).GET());
            }
            return response;
        }

        private HttpResponse<String> send(URI uri, HttpRequest.Builder request) throws Exception {
            request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            Map<String, Cookie> jar = jar(uri);
            String sent = jar.entrySet().stream().filter(cookie -> cookie.getValue().sentTo(uri))
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue().value())
                    .collect(Collectors.joining("; "));
            if (!sent.isEmpty()) {
                request.header("Cookie", sent);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> {
                String name = header.split("=", 2)[0];
                if (header.contains("Max-Age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, Cookie.of(header));
                }
            });
            return response;
        }
    }
}
