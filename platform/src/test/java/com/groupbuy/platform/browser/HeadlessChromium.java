package com.groupbuy.platform.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium through its chromedriver, for the console's browser tests. {@code bin/browser} installs
 * both when missing; a test without them fails, it never skips.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** A headless browser with {@code options} (preferences, say) and a window large enough for the console. */
    public static ChromeDriver start(ChromeOptions options) throws IOException, InterruptedException {
        List<String> paths = installed();
        options.setBinary(paths.get(1));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(paths.get(0))).usingAnyFreePort().build(), options);
    }

    /** Runs bin/browser, which installs Chromium and its driver when missing: the driver's path, then the browser's. */
    private static List<String> installed() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("groupbuy.project.root", ".."));
        Process process = new ProcessBuilder(root.resolve("bin/browser").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("bin/browser could not install Chromium and chromedriver").isZero();
        List<String> paths = out.lines().toList();
        assertThat(paths).as("bin/browser's answer").hasSize(2);
        return paths;
    }
}
