package io.switchboard.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages, driven through its own chromedriver: Selenium must
 * not try to download a driver, and Chromium must not reach out to the network on its own.
 */
final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    /** @param profile an empty folder for Chromium's profile, removed by the caller */
    static ChromeDriver open(Path profile) throws Exception {
        for (String tool : new String[] { CHROMIUM, CHROMEDRIVER }) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new IllegalStateException(tool + " is missing: install the chromium and chromium-driver packages "
                        + "(.ci/install-test-deps does)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
