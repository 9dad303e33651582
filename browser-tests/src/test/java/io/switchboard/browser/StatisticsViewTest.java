package io.switchboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.switchboard.app.Container;

/**
 * The MI page's statistics view in headless Chromium, against the container as users run it, sampling
 * every second ({@code sample_interval = 1}): the request chart is an SVG Chromium draws, with a series
 * and a legend entry for each root httpd counts, and the page holds no script.
 */
class StatisticsViewTest {
    private static final Pattern ROOT = Pattern.compile("\"httpd:([^\"]+)_requests\"");
    @TempDir
    static Path chromiumProfile;
    private static Container container;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        container = Container.builder().etc("switchboard.mi_charts.cfg", "sample_interval = 1").start();
        container.awaitStatus("/mi/", 200, Duration.ofSeconds(90));
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
    void theRequestChartHasASeriesPerRootAndThePageNoScript() {
        browser.get(container.uri("/mi/").toString());
        browser.findElement(By.linkText("Statistics")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/mi/?view=statistics");
        // Each series drawn once two samples give it a rate; roots as httpd counts them at that moment.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> {
            page.navigate().refresh();
            List<WebElement> series = series(page);
            return !series.isEmpty() && series.stream().noneMatch(path -> path.getAttribute("d").isEmpty())
                    && names(series).equals(roots());
        });
        WebElement chart = browser.findElement(By.cssSelector("svg#chart-requests"));
        assertThat(chart.getRect().getWidth()).as("drawn by Chromium as SVG").isPositive();
        assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("Requests per second, by root");
        Set<String> roots = roots();
        assertThat(roots).contains("mi");
        assertThat(names(series(browser))).isEqualTo(roots);
        assertThat(chart.findElements(By.cssSelector("g.legend text"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(roots);
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        // The p99 chart draws or says it has nothing to draw; it never fails the page.
        assertThat(browser.findElements(By.cssSelector("svg#chart-latency, #chart-latency-none"))).hasSize(1);
        assertThat(browser.findElement(By.id("statistics")).getText()).contains("p99 \u2264 bound");
    }

    private static List<WebElement> series(WebDriver page) {
        return page.findElements(By.cssSelector("svg#chart-requests path.series"));
    }

    private static Set<String> names(List<WebElement> series) {
        Set<String> names = new TreeSet<>();
        series.forEach(path -> names.add(path.getAttribute("data-series")));
        return names;
    }

    /** @return the roots httpd's statistics group counts, from {@code get_statistics} over JSON-RPC */
    private static Set<String> roots() {
        try {
            Matcher matcher = ROOT.matcher(container.mi("get_statistics", "{\"statistics\":[\"httpd:\"]}"));
            Set<String> roots = new TreeSet<>();
            while (matcher.find()) {
                roots.add(matcher.group(1));
            }
            return roots;
        } catch (Exception failed) {
            throw new IllegalStateException("get_statistics failed", failed);
        }
    }
}
