package com.groupbuy.stack;

import com.groupbuy.platform.browser.HeadlessChromium;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's headless Chromium, installed by {@code bin/browser} when missing) against
 * the real processes: the demo's orders charted for an analyst and downloaded as CSV, the counter's queue updating
 * for staff, the operator's overview and a confirmed replay for an admin, and a customer refused. Each view's
 * screenshot goes to {@code target/console-screenshots/}.
 */
class ConsoleBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Path DOWNLOADS = Path.of("target/console-downloads").toAbsolutePath();

    private static LocalStack stack;
    private static DemoActivity.Seeded demo;
    private static ChromeDriver browser;
    private static final StackClient client = new StackClient();

    @BeforeAll
    static void startStackAndBrowser() throws Exception {
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", "target/stack-logs"));
        stack = LocalStack.start(StackOptions.forTests(logs));
        String admin = client.devToken(stack.apiUrl(), "admin-1", "admin");
        DemoCatalog.seed(client, stack.apiUrl(), admin);
        demo = DemoActivity.seed(client, stack.apiUrl(), stack.queryUrl(), admin);

        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOWNLOADS);
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        browser = HeadlessChromium.start(options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.get(stack.consoleUrl());
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
    }

    @Test
    void an_analyst_sees_the_demo_sales_charted_by_hour_and_category_and_downloads_them_as_csv() throws Exception {
        open("analyst", "analyst");
        new Select(browser.findElement(By.id("sales-measure"))).selectByValue("units");
        settled().pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.findElement(By.cssSelector("#sales-form button[type=submit]")).click();
            assertThat(chartTotal("sales-chart")).isEqualTo(demo.paidUnits());
        });
        assertThat(chartTotal("category-chart")).isEqualTo(demo.paidUnits());
        assertThat(chartLabels("category-chart")).containsExactly("latte", "milk-tea", "smoothie", "tea");
        assertThat(browser.findElement(By.id("sales-freshness")).getText()).contains("sales=").contains("s old");

        settled().pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.navigate().refresh();
            awaitLoaded("analyst");
            assertThat(chartData("coupon-chart")).containsExactly(2L, 1L, 0L, 1L);
            assertThat(chartData("flash-chart")).containsExactly(2L, 2L, 2L, 2L);
            assertThat(chartData("group-chart")).containsExactly(1L, 0L, 1L, 0L);
        });
        assertThat(browser.findElement(By.id("flash-facts")).getText()).contains("20.0 %");
        assertThat(browser.findElement(By.id("group-freshness")).getText()).contains("group-buys=");
        screenshot("analyst");

        Path csv = DOWNLOADS.resolve("sales-by-hour.csv");
        Files.deleteIfExists(csv);
        new Select(browser.findElement(By.id("sales-measure"))).selectByValue("units");
        browser.findElement(By.id("sales-csv")).click();
        settled().until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo(
                "bucket_start,sku,category,orders,units,gross_cents,discount_cents,revenue_cents");
        assertThat(lines.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[4])).sum())
                .isEqualTo(demo.paidUnits());
        assertThat(lines.stream().skip(1).map(line -> line.split(",")[1]))
                .contains("BOBA-CLASSIC", "TARO-MILK", "MATCHA-LATTE");

        Path groupCsv = DOWNLOADS.resolve("group-" + demo.groupBuyId() + ".csv");
        Files.deleteIfExists(groupCsv);
        browser.findElement(By.id("group-csv")).click();
        settled().until(() -> Files.exists(groupCsv) && Files.size(groupCsv) > 0);
        List<String> groupRows = Files.readAllLines(groupCsv, StandardCharsets.UTF_8);
        assertThat(groupRows).hasSize(2);
        assertThat(column(groupRows, "groupsCompleted")).isEqualTo("1");
        assertThat(column(groupRows, "groupBuyId")).isEqualTo(demo.groupBuyId());
    }

    @Test
    void staff_see_the_counter_queue_and_a_newly_paid_order_appears_without_reloading() throws Exception {
        open("staff", "counter");
        settled().untilAsserted(() -> assertThat(counterOrders())
                .containsAll(demo.paidOrders().stream().map(DemoActivity.PaidOrder::orderId).toList()));
        assertThat(browser.findElement(By.id("counter-freshness")).getText()).contains("orders=");

        DemoActivity.PaidOrder late = DemoActivity.placeAndPay(client, stack.apiUrl(), stack.queryUrl(),
                "walk-in-1", Map.of("OOLONG-ICED", 1));
        settled().untilAsserted(() -> assertThat(counterOrders()).contains(late.orderId()));
        screenshot("counter");
    }

    @Test
    void an_admin_sees_queue_depth_lag_and_dead_letters_and_replays_only_after_confirming() throws IOException {
        open("admin", "operator");
        settled().untilAsserted(() -> {
            assertThat(browser.findElement(By.id("order-queue-depth")).getText()).matches("\\d+");
            assertThat(chartLabels("lag-chart")).contains("orders", "sales", "coupons");
        });
        List<WebElement> rows = browser.findElements(By.cssSelector("#projection-table tbody tr"));
        assertThat(rows).extracting(row -> row.getDomAttribute("data-projection")).contains("orders", "sales");
        screenshot("operator");

        clickAction("sales", "Replay dead letters");
        browser.findElement(By.id("confirm-cancel")).click();
        assertThat(browser.findElement(By.id("operator-result")).getText()).isEmpty();

        clickAction("sales", "Replay dead letters");
        assertThat(browser.findElement(By.id("confirm-text")).getText()).contains("Replay the dead letters of sales");
        browser.findElement(By.id("confirm-ok")).click();
        settled().untilAsserted(() -> assertThat(browser.findElement(By.id("operator-result"))
                .getText()).startsWith("Replay of sales:").contains("\"projection\":\"sales\""));
    }

    @Test
    void a_customer_is_refused_the_analyst_view_with_a_visible_forbidden_message() throws IOException {
        open("customer", "analyst");
        WebElement message = browser.findElement(By.id("message"));
        settled().untilAsserted(() -> {
            assertThat(message.isDisplayed()).isTrue();
            assertThat(message.getText()).startsWith("Forbidden").contains("customer");
        });
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                .isEqualTo("failed:analyst");
        screenshot("forbidden");
    }

    // ---- the browser ---------------------------------------------------------------------------------------------

    /** Signs in with the one-click dev token of {@code role} and opens {@code view}. */
    private void open(String role, String view) {
        browser.get(stack.consoleUrl() + "#" + view);
        WebElement signIn = browser.findElement(By.cssSelector("#dev-sign-in button[data-role=" + role + "]"));
        settled().until(signIn::isDisplayed);
        signIn.click();
        settled().until(() -> browser.findElement(By.id("identity")).getText()
                .contains("(" + role + ")"));
        if (!role.equals("customer")) {
            awaitLoaded(view);
        }
    }

    private void awaitLoaded(String view) {
        settled().until(() -> view.equals(browser.findElement(By.tagName("body"))
                .getDomAttribute("data-loaded")));
    }

    private void clickAction(String projection, String label) {
        browser.findElements(By.cssSelector("#projection-table tr[data-projection=" + projection + "] button"))
                .stream().filter(button -> button.getText().equals(label)).findFirst().orElseThrow().click();
        settled().until(() -> browser.findElement(By.id("confirm")).isDisplayed());
    }

    /**
     * Waits as long as the page may take; the page redraws its tables and charts as answers arrive, so an element
     * found a moment earlier may be stale when read: that is a reason to look again, not a failure.
     */
    private static ConditionFactory settled() {
        return await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class);
    }

    /**
     * The orders the counter's table lists, read in one script: the table is drawn anew every few seconds, so rows
     * found one call earlier may be gone (a stale element) by the time their attribute is read.
     */
    @SuppressWarnings("unchecked")
    private List<String> counterOrders() {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#counter-table tbody tr')).map(row => row.getAttribute('data-order-id'));");
    }

    /** The numbers the chart on {@code canvasId} draws, read from its Chart.js instance. */
    @SuppressWarnings("unchecked")
    private List<Long> chartData(String canvasId) {
        List<Number> data = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart(arguments[0]); return c ? c.data.datasets[0].data : [];", canvasId);
        return data.stream().map(Number::longValue).toList();
    }

    private long chartTotal(String canvasId) {
        return chartData(canvasId).stream().mapToLong(Long::longValue).sum();
    }

    @SuppressWarnings("unchecked")
    private List<String> chartLabels(String canvasId) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart(arguments[0]); return c ? c.data.labels : [];", canvasId);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String column(List<String> csv, String name) {
        int index = List.of(csv.get(0).split(",")).indexOf(name);
        assertThat(index).as("column %s of %s", name, csv.get(0)).isNotNegative();
        return csv.get(1).split(",")[index];
    }
}
