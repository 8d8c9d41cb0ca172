package io.centrabff.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.centrabff.SandboxTest;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * The sandbox storefront in headless Chromium: after every change the widget shows the cart's total and the
 * CheckoutScript saw suspend and resume strictly alternate. Skips without Chromium unless BFF_BROWSER_TESTS=required.
 */
@SandboxTest
class StorefrontBrowserTests {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;

    WebDriver browser;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present && "required".equals(System.getenv("BFF_BROWSER_TESTS"))) {
            throw new IllegalStateException("BFF_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "Chromium not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): browser test skipped");
        // Selenium Manager must not download anything: the system driver is named explicitly.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("bff-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Test
    void widgetTotalFollowsTheCartThroughEveryChange() {
        open();
        click("add-item");
        await(() -> browser.findElements(By.cssSelector("#lines li")).size() == 1);

        choosePayment("klarna-checkout");
        click("add-item");
        assertWidgetShowsCartTotal("sandbox-kco", 2);
        click("plus");
        assertWidgetShowsCartTotal("sandbox-kco", 3);
        click("add-voucher");
        assertWidgetShowsCartTotal("sandbox-kco", 4);
        BigDecimal beforeExpress = cartTotal();
        browser.findElement(By.cssSelector("#sandbox-ingrid input[value=express]"))
                .click();
        await(() -> cartTotal().compareTo(beforeExpress) > 0);
        assertWidgetShowsCartTotal("sandbox-kco", 5);

        choosePayment("qliro-one");
        click("plus");
        assertWidgetShowsCartTotal("sandbox-qliro", 2);
        click("add-voucher");
        assertWidgetShowsCartTotal("sandbox-qliro", 3);
    }

    private void open() {
        browser.get("http://127.0.0.1:" + port + "/sandbox-storefront/index.html");
        await(() -> "true".equals(js("return document.body.dataset.ready || ''")));
    }

    /** Switching the widget reloads the page, which renders the chosen widget's snippet. */
    private void choosePayment(String method) {
        new Select(browser.findElement(By.id("payment-method"))).selectByValue(method);
        String widget = method.equals("qliro-one") ? "sandbox-qliro" : "sandbox-kco";
        await(() -> !browser.findElements(By.id(widget)).isEmpty()
                && "true".equals(js("return document.body.dataset.ready || ''")));
    }

    private void click(String id) {
        if (id.equals("plus")) {
            browser.findElement(By.cssSelector("#lines li button.plus")).click();
        } else {
            browser.findElement(By.id(id)).click();
        }
    }

    /** Waits until the storefront's queue is idle, then compares the widget's total and the script's record. */
    private void assertWidgetShowsCartTotal(String widget, int minimumResumes) {
        await(() -> {
            Object state = js("var w = document.getElementById('" + widget + "'); return w ? w.dataset.state : ''");
            Object total = js("var w = document.getElementById('" + widget + "'); return w ? w.dataset.total : ''");
            List<?> log = (List<?>) js("return window.__centraCheckoutLog || []");
            long resumes = log.stream().filter("resume"::equals).count();
            return "ready".equals(state)
                    && total != null
                    && !total.toString().isEmpty()
                    && resumes >= minimumResumes - 1
                    && new BigDecimal(total.toString()).compareTo(cartTotal()) == 0;
        });
        List<?> log = (List<?>) js("return window.__centraCheckoutLog || []");
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.get(i))
                    .as("CheckoutScript call %d of %s", i, log)
                    .isEqualTo(i % 2 == 0 ? "suspend" : "resume");
        }
        assertThat(log.size() % 2).as("every suspend was resumed: %s", log).isZero();
        assertThat(new BigDecimal(js("return document.getElementById('" + widget + "').dataset.total")
                        .toString()))
                .isEqualByComparingTo(cartTotal());
    }

    private BigDecimal cartTotal() {
        Object total = js("return document.getElementById('cart-total').dataset.total");
        return total == null || total.toString().isEmpty() ? BigDecimal.ZERO : new BigDecimal(total.toString());
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void await(java.util.function.BooleanSupplier condition) {
        try {
            // On this thread (one WebDriver session, one caller), every 25 ms: the page settles in milliseconds.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(25))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Page never reached the expected state; CheckoutScript log "
                            + js("return JSON.stringify(window.__centraCheckoutLog || [])") + ", page:\n"
                            + js("return document.body.innerText"),
                    e);
        }
    }
}
