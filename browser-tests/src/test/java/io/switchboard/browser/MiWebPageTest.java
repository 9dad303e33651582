package io.switchboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.switchboard.app.Container;

/** The MI web page in headless Chromium, against the container as users run it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MiWebPageTest {
    @TempDir
    static Path chromiumProfile;
    private static Container container;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        container = Container.start();
        browser = Browser.open(chromiumProfile);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (container != null) {
            container.close();
        }
    }

    @Test
    @Order(1)
    void aCommandRunsFromItsFormAndItsResultIsShown() {
        browser.get(container.uri("/mi/").toString());
        assertThat(browser.getTitle()).isEqualTo("Switchboard MI");
        WebElement row = browser.findElement(By.id("cmd-httpd:list_root_path"));
        row.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(page -> !page.findElements(By.id("result")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("/mi/httpd%3Alist_root_path?csrf=");
        List<String> headings = browser.findElements(By.cssSelector("#readable th")).stream().map(WebElement::getText)
                .toList();
        assertThat(headings).contains("http_root", "module");
        assertThat(browser.findElement(By.id("readable")).getText()).contains("mi_http");
        assertThat(browser.findElement(By.id("raw")).getText()).contains("\"http_root\" : \"mi\"");
    }

    @Test
    @Order(2)
    void aFormWithParametersPostsWhenTheMethodIsPost() throws Exception {
        Path config = container.etc().resolve("switchboard.mi_http.cfg");
        String defaults = Files.readString(config);
        Files.writeString(config, "mi_http_method = 1\n");
        try {
            postForm();
        } finally {
            Files.writeString(config, defaults);
        }
    }

    private void postForm() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(page -> {
            page.get(container.uri("/mi/").toString());
            return page.findElement(By.id("cmd-help")).findElement(By.tagName("form")).getAttribute("method")
                    .equals("post");
        });
        WebElement form = browser.findElement(By.id("cmd-help")).findElement(By.tagName("form"));
        form.findElement(By.name("mi_cmd")).sendKeys("uptime");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(page -> !page.findElements(By.id("result")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/mi/help");
        assertThat(browser.findElement(By.id("raw")).getText()).contains("\"Help\"");
    }
}
