package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.cinegraph.events.ExportRead;
import org.cinegraph.events.ExportSweepCompleted;
import org.cinegraph.events.ExportSweepProgressed;
import org.cinegraph.events.ExportSweepStarted;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.QualityCriteria;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard in a real browser, headless Chromium driven by Selenium, against the application in sandbox
 * mode, as a person would use it: the overview loads, a year imported from the page shows its progress and
 * completes, a ceremony imported from the page shows its winners, a failure is retried, a replay runs, a dead
 * letter is retried, the filter forms offer the API's criteria and reasons and filter by them, the tables page lists
 * every table and brings a dropped one back, priority years set on the actions page show on the years page, the
 * overview shows the sweep of TMDb's export and a movie's page marks one the export no longer lists, the nav's API link
 * opens Swagger UI, which runs a read and an admin's action. Each step saves a screenshot in
 * {@code target/screenshots}.
 *
 * <p>It needs Debian's {@code chromium} and {@code chromium-driver} (or {@code CHROMIUM} and
 * {@code CHROMEDRIVER} naming a browser and its driver). Without them the tests are skipped, saying how to
 * install them; with {@code CINEGRAPH_BROWSER_TESTS=required} (as {@code .ci/run} sets) they fail instead.
 */
@SpringBootTest(classes = CinegraphApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/browser-${random.uuid}",
        "cinegraph.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
        "cinegraph.schedule.enabled=false"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A year of the sandbox's default catalogue (the last five years). */
    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;

    @LocalServerPort
    private int port;
    @Autowired
    private TmdbSandboxServer tmdb;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventGateway events;
    @Autowired
    private TransactionTemplate transactions;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void startBrowser() throws IOException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            String missing = "The browser tests need Chromium and its driver, " + chromium + " and " + driver
                    + ", not found. Install them (Debian: sudo apt-get install chromium chromium-driver) or name "
                    + "them with CHROMIUM and CHROMEDRIVER.";
            if ("required".equals(System.getenv("CINEGRAPH_BROWSER_TESTS"))) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // No sandbox: CI runs as root. No background networking: this machine's network is closed.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,1500",
                "--user-data-dir=" + Files.createTempDirectory("cinegraph-chromium"));
        // The browser's console, where it reports what the Content-Security-Policy refused.
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", console);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    /** The dashboard runs under its strict policy (own origin only, no inline script or style) with nothing refused. */
    @AfterEach
    void nothingWasRefusedByTheContentSecurityPolicy() {
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
        assertThat(refused).isEmpty();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theOverviewLoadsAndSaysItIsTheSandbox() {
        open("#/overview");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "TMDb total"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mode")));
        assertThat(text("mode")).contains("Sandbox mode");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("health")));
        assertThat(text("health")).startsWith("Sync:");
        assertThat(text("health-message")).isNotBlank();
        // The schedule is off in this test: the overview says so where the next daily run would be.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "Next daily run"));
        assertThat(browser.findElement(By.xpath("//*[@id='state']//dt[.='Next daily run']/following-sibling::dd"))
                .getText()).isEqualTo("off");
        assertThat(browser.findElement(By.id("connection")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Overview");
    }

    @Test
    @Order(2)
    void anAdminSignsInAndImportsAYearThatShowsItsProgressAndCompletes() {
        signIn();
        open("#/actions");
        browser.findElement(By.id("refresh-total")).click();
        awaitNotice("TMDb lists");
        WebElement year = browser.findElement(By.cssSelector("#import-year-form input[name=year]"));
        year.sendKeys(Integer.toString(YEAR));
        // A slow TMDb (latency, 15 requests a second), so the import takes long enough to watch: some 20 seconds.
        tmdb.faults().latency(Duration.ofMillis(20)).rateLimit(15, true);
        try {
            browser.findElement(By.cssSelector("#import-year-form button[type=submit]")).click();

            wait.until(ExpectedConditions.urlContains("#/years"));
            // The page draws the year anew at every refresh: each look finds the bar again.
            By progress = By.cssSelector("#current-year progress#movies-" + YEAR);
            wait.ignoring(StaleElementReferenceException.class).until(driver -> !driver.findElements(progress).isEmpty()
                    && text("current-year").contains("importing"));
            assertThat(text("current-year")).contains("discovered");
            // The screenshot shows the bar on its way, unless the machine is so loaded that the page saw none.
            try {
                wait.withTimeout(Duration.ofSeconds(30)).until(driver -> driver.findElements(progress).stream()
                        .anyMatch(bar -> Double.parseDouble(bar.getAttribute("value")) > 0));
            } catch (TimeoutException e) {
                // the import ended between two refreshes of the page; the row below shows that it completed
            } finally {
                wait.withTimeout(PATIENCE);
            }
            screenshot("years-importing");
        } finally {
            tmdb.faults().reset();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tbody[@id='years-rows']/tr[th='" + YEAR + "']")));
        wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> row(YEAR).findElement(By.cssSelector(".status")).getText().equals("completed"));
        List<WebElement> cells = row(YEAR).findElements(By.tagName("td"));
        long discovered = number(cells.get(3));
        assertThat(discovered).isPositive();
        long done = number(cells.get(4)) + number(cells.get(5)) + number(cells.get(6));
        assertThat(done).isEqualTo(discovered);
        // The year's share of TMDb's total for it, rounded down to a tenth of a percent.
        long tmdbTotal = number(cells.get(1));
        assertThat(cells.get(2).getText())
                .isEqualTo(String.format(Locale.ROOT, "%.1f %%", Math.floor(done * 1000.0 / tmdbTotal) / 10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rate-chart svg rect.imported")));
        assertThat(browser.findElement(By.cssSelector("#rate-chart svg")).getAttribute("aria-label"))
                .contains("movies imported");
        screenshot("years");

        open("#/overview");
        wait.until(driver -> !text("state").contains("Ours (imported)\n0")
                && text("state").contains("Last completed year\n" + YEAR));
        // The last discover page the import recorded, a page number of the year just imported.
        assertThat(Integer.parseInt(browser.findElement(
                By.xpath("//*[@id='state']//dt[.='Last page']/following-sibling::dd")).getText())).isPositive();
        screenshot("overview");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("#/years");
            wait.ignoring(StaleElementReferenceException.class)
                    .until(driver -> row(YEAR).getText().contains("completed"));
            assertThat(browser.findElement(By.cssSelector("nav")).getSize().getWidth()).isLessThanOrEqualTo(390);
            screenshot("years-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1500));
        }
    }

    @Test
    @Order(3)
    void aCeremonyImportedFromThePageShowsItsWinnersAndMatches() {
        signIn();
        open("#/actions");
        browser.findElement(By.cssSelector("#ceremony-form input[name=year]")).sendKeys("2024");
        browser.findElement(By.cssSelector("#ceremony-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("#/festivals/AMPAS/2024"));
        awaitNotice("Ceremony 2024 (#96)");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("festival-ceremony"), "ceremony #96"));
        assertThat(browser.findElements(By.cssSelector("#festival-ceremony .winner-mark"))).hasSize(23);
        assertThat(browser.findElements(By.cssSelector("#festival-ceremony .nominations a[href^='#/movies/']")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#festival-ceremony .unmatched-mark"))).isNotEmpty();
        screenshot("festivals");
    }

    @Test
    @Order(4)
    void aListUploadedFromThePageHasAFailureThatIsRetried() throws IOException {
        Path csv = Files.createTempFile("browser-list", ".csv");
        Files.writeString(csv, "Const,Title,Year\ntt15398776,Oppenheimer,2023\ntt0000071,Zzq Browser Nowhere,1901\n");
        signIn();
        open("#/actions");
        browser.findElement(By.cssSelector("#list-form input[name=key]")).sendKeys("browser-list");
        browser.findElement(By.cssSelector("#list-form input[name=file]")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#list-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("#/lists/browser-list"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-members"), "not found"));

        open("#/failures");
        By retries = By.xpath("//tbody[@id='failures-rows']/tr[th='Zzq Browser Nowhere']/td[4]");
        wait.until(ExpectedConditions.textToBe(retries, "0"));
        act("Retry Zzq Browser Nowhere", "Retrying Zzq Browser Nowhere");
        wait.until(ExpectedConditions.textToBe(retries, "1"));
        screenshot("failures");
    }

    @Test
    @Order(5)
    void aReplayStartedFromThePageRunsToItsEnd() {
        signIn();
        open("#/projections");
        By movies = By.cssSelector("tr[data-projection='movies']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(movies, "caught up"));
        act("Replay movies", "Replaying movies");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(movies, "completed"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(movies, "caught up"));
        assertThat(browser.findElement(movies).getText()).contains("100 %");
        scrollTo(By.id("projections-table"));
        screenshot("projections");
    }

    @Test
    @Order(6)
    void aParkedEventShowsOnTheProjectionsPageAndItsRetryTakesItOff() {
        // An event the projection has no handler for: the retry applies nothing, and takes the letter off.
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue("skipped-imports").orElseThrow();
        EventMessage<?> parked = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1),
                GenericEventMessage.asEventMessage(new YearImportStarted(YEAR, ImportTrigger.ADMIN)));
        queue.enqueue("browser-test", new GenericDeadLetter<>("browser-test", parked, new IllegalStateException("boom")));
        signIn();
        open("#/projections");
        By skipped = By.cssSelector("tr[data-projection='skipped-imports']");
        By retry = By.cssSelector("button[aria-label='Retry the dead letters of skipped-imports']");
        wait.until(ExpectedConditions.elementToBeClickable(retry));
        assertThat(browser.findElement(skipped).getAttribute("class")).contains("failed");
        assertThat(browser.findElements(By.cssSelector("#projections-rows button[aria-label^='Retry the dead letters']")))
                .hasSize(1);
        scrollTo(By.id("projections-table"));
        screenshot("projections-dead-letter");

        browser.findElement(retry).click();

        awaitNotice("skipped-imports: 1 dead letter applied, 0 left.");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(retry));
        assertThat(queue.contains("browser-test")).isFalse();
    }

    @Test
    @Order(7)
    void theFilterFormsOfferWhatTheApiTakesAndFilterByIt() {
        open("#/skipped");
        By criteria = By.cssSelector("#skipped-filters select[name=criterion] option");
        wait.until(driver -> !driver.findElements(criteria).isEmpty());
        assertThat(texts(criteria)).containsExactlyElementsOf(anyOr(QualityCriteria.ALL));
        filterBy("skipped", "criterion", QualityCriteria.ALL, "/api/import/skipped", "skipped movie");
        screenshot("skipped");

        open("#/failures");
        By reasons = By.cssSelector("#failures-filters select[name=reason] option");
        wait.until(driver -> !driver.findElements(reasons).isEmpty());
        assertThat(texts(reasons)).containsExactlyElementsOf(anyOr(MovieImportFailed.REASONS));
        List<String> sources = new ArrayList<>();
        http.getForObject("/api/import/vocabulary", JsonNode.class).get("sources")
                .forEach(source -> sources.add(source.asText()));
        assertThat(browser.findElements(By.cssSelector("#source-suggestions option")))
                .extracting(option -> option.getAttribute("value")).containsExactlyElementsOf(sources);
        assertThat(browser.findElement(By.cssSelector("#failures-filters input[name=source]"))
                .getAttribute("placeholder")).isEqualTo("year_import, export, festival:AMPAS, list:{key}");
        filterBy("failures", "reason", MovieImportFailed.REASONS, "/api/import/failures", "failure");
    }

    @Test
    @Order(8)
    void signedOutTheTablesPageShowsTheProjectionsAndAsksToSignInForTheTables() {
        signIn();
        browser.findElement(By.id("sign-out-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-button")));
        open("#/tables");
        // Loaded anew, so that nothing drawn before signing out is still on the page.
        browser.navigate().refresh();
        // The page draws the projections and then the tables (or none) in one go.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-projection='movies']")));
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Tables");
        assertThat(text("projections-heading")).isEqualTo("Tables");
        assertThat(browser.findElement(By.id("tables-sign-in-hint")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#tables-rows tr"))).isEmpty();
        assertThat(browser.findElement(By.id("notice")).getAttribute("class")).as("no error for what needs the admin")
                .doesNotContain("bad");

        browser.findElement(By.cssSelector("#tables-sign-in-hint button[data-sign-in]")).click();
        submitSignIn();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tables-rows tr[data-table]")));
        assertThat(browser.findElement(By.id("tables-sign-in-hint")).isDisplayed()).isFalse();
    }

    @Test
    @Order(9)
    void theTablesPageListsEveryTableWithItsKindAndStateAndItsRebuildBringsBackADroppedProjectionTable() {
        Map<String, String> listed = new LinkedHashMap<>();
        List<String> eventStore = new ArrayList<>();
        http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD).getForObject("/api/admin/tables", JsonNode.class)
                .forEach(table -> {
                    listed.put(table.path("name").asText(),
                            table.path("kind").asText() + ", " + table.path("state").asText());
                    if (table.path("kind").asText().equals("event store")) {
                        eventStore.add(table.path("name").asText());
                    }
                });
        assertThat(listed).containsEntry("skipped_imports", "projection, present").containsKey("domain_event_entry");
        assertThat(eventStore).contains("domain_event_entry");
        signIn();
        open("#/tables");
        By rows = By.cssSelector("#tables-rows tr[data-table]");
        wait.until(driver -> driver.findElements(rows).size() == listed.size());

        Map<String, String> onThePage = wait.until(driver -> tablesOnThePage());
        assertThat(onThePage).isEqualTo(listed);
        listed.keySet().forEach(table -> assertThat(browser.findElements(rebuildButton(table))).as(table)
                .hasSize(eventStore.contains(table) ? 0 : 1));
        screenshot("tables");

        long skipped = jdbc.sql("SELECT count(*) FROM skipped_imports").query(Long.class).single();
        assertThat(skipped).isPositive();
        jdbc.sql("DROP TABLE skipped_imports").update();
        By row = By.cssSelector("tr[data-table='skipped_imports']");
        wait.until(driver -> "projection, missing".equals(tablesOnThePage().get("skipped_imports"))
                && driver.findElement(row).getAttribute("class").contains("failed")
                && driver.findElement(By.cssSelector("#tables-table caption")).getText()
                .endsWith("missing: skipped_imports"));
        scrollTo(row);
        screenshot("tables-missing");

        wait.until(driver -> {
            driver.findElement(rebuildButton("skipped_imports")).click();
            return true;
        });

        awaitNotice("Table skipped_imports: bringing it back (replay of skipped-imports).");
        wait.until(driver -> "projection, present".equals(tablesOnThePage().get("skipped_imports")));
        wait.until(driver -> driver.findElement(row).findElements(By.tagName("td")).get(2).getText()
                .equals(String.format(Locale.US, "%,d", skipped)));
        assertThat(jdbc.sql("SELECT count(*) FROM skipped_imports").query(Long.class).single()).isEqualTo(skipped);
        screenshot("tables-rebuilt");
    }

    @Test
    @Order(10)
    void priorityYearsSetOnTheActionsPageShowOnTheYearsPageUntilCleared() {
        signIn();
        open("#/actions");
        WebElement years = browser.findElement(By.cssSelector("#priority-form input[name=years]"));
        years.sendKeys("1999, 1999");
        browser.findElement(By.cssSelector("#priority-form button[type=submit]")).click();
        awaitNotice("Year 1999 is named twice");
        assertThat(browser.findElement(By.id("notice")).getAttribute("class")).contains("bad");

        years.clear();
        years.sendKeys("1999, 1987");
        browser.findElement(By.cssSelector("#priority-form button[type=submit]")).click();
        awaitNotice("Imported first, in this order: 1999, 1987.");
        wait.until(ExpectedConditions.urlContains("#/years"));
        wait.until(ExpectedConditions.textToBe(By.id("priority-years"), "Imported first, in this order: 1999, 1987."));
        assertThat(http.getForObject("/api/schedule", JsonNode.class).get("priorityYears").toString())
                .isEqualTo("[1999,1987]");
        screenshot("years-priority");

        open("#/actions");
        browser.findElement(By.id("priority-clear")).click();
        awaitNotice("No year goes first");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("priority-years")));
        assertThat(http.getForObject("/api/schedule", JsonNode.class).get("priorityYears")).isEmpty();
    }

    /**
     * The sweep of TMDb's export and a movie it no longer lists, recorded as the command side records them (their
     * events published here): the overview shows the sweep and its withheld removals, the movie's page marks it.
     */
    @Test
    @Order(11)
    void theOverviewShowsTheSweepOfTmdbsExportAndAMovieItNoLongerListsIsMarkedRemoved() {
        int movie = http.getForObject("/api/movies?year=" + YEAR + "&limit=1", JsonNode.class).get("items").get(0)
                .get("tmdbId").asInt();
        LocalDate exportDate = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        transactions.executeWithoutResult(status -> events.publish(
                new ExportSweepStarted(exportDate, ImportTrigger.SCHEDULE, false),
                new ExportRead(exportDate, 2_010, 2_005, 2_000, 5, List.of(3L)),
                new ExportSweepProgressed(exportDate, 900, 800, 40),
                new ExportSweepCompleted(exportDate, 2_010, 2_000, 1_960, 40, 1, 0, 0, 20),
                new MovieRemovedFromTmdb(movie, exportDate),
                new ExportSweepStarted(exportDate, ImportTrigger.ADMIN, false),
                new ExportRead(exportDate, 2_010, 2_005, 2_000, 5, List.of(3L)),
                new ExportSweepProgressed(exportDate, 1_500, 1_200, 3)));

        open("#/overview");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overview-sweep"),
                "1,200 of 2,000 gone through"));
        assertThat(text("overview-sweep")).contains("Sweep of the export of " + exportDate).contains("sweeping")
                .contains("Last completed: the export of " + exportDate).contains("1 removed");
        assertThat(text("state")).contains("Accounted for");
        assertThat(text("completion-text")).contains("movies accounted for (").endsWith(" %)");
        scrollTo(By.id("overview-sweep"));
        screenshot("overview-sweep");

        transactions.executeWithoutResult(status -> events.publish(
                new ExportSweepCompleted(exportDate, 2_010, 2_000, 1_997, 3, 0, 0, 300, 20)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overview-sweep"),
                "300 movies it no longer lists were not recorded as removed"));
        assertThat(text("overview-sweep")).contains("confirmRemovals=true");

        open("#/movies/" + movie);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("movie-heading"), "removed from TMDb"));
        assertThat(text("movie-details")).contains("TMDb's daily export no longer lists this movie, since ")
                .doesNotContain("null");
        screenshot("movie-removed");
    }

    /**
     * The nav's API link opens Swagger UI, served from the jar under the same strict policy, which lists the API's
     * endpoints and runs them: a read as anyone, then, with the admin's credentials given to its Authorize dialog, the
     * session's read, and an action with the CSRF token that read handed out.
     */
    @Test
    @Order(12)
    void theApiLinkOpensSwaggerUiWhichRunsAReadAndAnAdminActionWithTheTokenOfTheSession() throws IOException {
        open("#/overview");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("api-docs"))).click();
        wait.until(ExpectedConditions.urlContains("/swagger-ui/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(operation("get", "/api/import/state")));
        assertThat(browser.findElements(By.cssSelector(".opblock")).size()).isGreaterThan(30);
        screenshot("swagger-ui");

        assertThat(tryItOut("get", "/api/import/state")).isEqualTo("200");

        authorize("admin", By.cssSelector("input[name=username]"), "admin", By.cssSelector("input[name=password]"),
                ApplicationTest.ADMIN_PASSWORD);
        assertThat(tryItOut("get", "/api/admin/session")).isEqualTo("200");
        assertThat(tryItOut("post", "/api/admin/imports/priority", "{\"years\": []}")).isEqualTo("403");

        // Each request that authenticates anew hands out a token afresh: an action takes the one the session gives now.
        authorizeCsrf();
        assertThat(tryItOut("post", "/api/admin/imports/priority", "{\"years\": []}")).isEqualTo("202");
        // An action that takes no body goes without a Content-Type, which it would refuse (415): its controller
        // answers, here refusing a range that ends before it starts.
        String range = "/api/admin/festivals/{organization}/ceremonies/import";
        fill(range, Map.of("organization", "AMPAS", "from", "2001", "to", "2000"));
        authorizeCsrf();
        String status = tryItOut("post", range);
        assertThat(answered("post", range)).contains("Bad range");
        assertThat(status).isEqualTo("400");
        screenshot("swagger-ui-action");
    }

    private static By operation(String method, String path) {
        return By.xpath("//div[contains(@class, 'opblock-" + method + "')][.//*[@data-path='" + path + "']]");
    }

    /** The body of the answer Swagger UI shows for the operation run last. */
    private String answered(String method, String path) {
        return browser.findElement(operation(method, path))
                .findElement(By.cssSelector(".live-responses-table .response-col_description pre")).getText();
    }

    /** Opens the operation for trying it out and types those values into its parameters' fields. */
    private void fill(String path, Map<String, String> parameters) {
        WebElement block = wait.until(ExpectedConditions.visibilityOfElementLocated(operation("post", path)));
        block.findElement(By.cssSelector(".opblock-summary-control")).click();
        wait.until(driver -> block.findElement(By.cssSelector("button.try-out__btn"))).click();
        parameters.forEach((name, value) -> wait.until(driver -> block.findElement(
                By.cssSelector("tr[data-param-name='" + name + "'] input"))).sendKeys(value));
    }

    /** Runs the operation in Swagger UI, with that body when given, and answers the status it shows. */
    private String tryItOut(String method, String path, String... body) {
        WebElement block = wait.until(ExpectedConditions.visibilityOfElementLocated(operation(method, path)));
        if (block.findElements(By.cssSelector("button.execute")).isEmpty()) {
            if (block.findElements(By.cssSelector("button.try-out__btn")).isEmpty()) {
                block.findElement(By.cssSelector(".opblock-summary-control")).click();
            }
            wait.until(driver -> block.findElement(By.cssSelector("button.try-out__btn"))).click();
        }
        for (String text : body) {
            WebElement editor = block.findElement(By.cssSelector("textarea.body-param__text"));
            editor.clear();
            editor.sendKeys(text);
        }
        block.findElements(By.cssSelector("button.btn-clear")).forEach(WebElement::click);
        wait.until(driver -> block.findElement(By.cssSelector("button.execute"))).click();
        return wait.until(driver -> block.findElement(
                By.cssSelector(".live-responses-table tbody .response-col_status")).getText().trim());
    }

    /** The CSRF token a run of {@code GET /api/admin/session} gives now, given to Swagger UI's Authorize dialog. */
    private void authorizeCsrf() throws IOException {
        assertThat(tryItOut("get", "/api/admin/session")).isEqualTo("200");
        String token = new ObjectMapper().readTree(answered("get", "/api/admin/session")).at("/csrf/token").asText();
        authorize("csrf", By.cssSelector("input[type=text]"), token);
    }

    /** Gives the Authorize dialog's form of that security scheme values for the fields found, once signed out of it. */
    private void authorize(String scheme, Object... fieldsAndValues) {
        browser.findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        WebElement form = dialog.findElement(By.xpath(".//form[.//h4/code[.='" + scheme + "']]"));
        form.findElements(By.xpath(".//button[.='Logout']")).forEach(WebElement::click);
        WebElement field = null;
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            field = form.findElement((By) fieldsAndValues[i]);
            field.sendKeys((String) fieldsAndValues[i + 1]);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        dialog.findElement(By.cssSelector("button.btn-done")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    private void open(String route) {
        browser.get("http://localhost:" + port + "/" + route);
    }

    /** Presses the action button of that label and waits for the notice of what the action did. */
    private void act(String label, String notice) {
        browser.findElement(By.cssSelector("button[aria-label='" + label + "']")).click();
        awaitNotice(notice);
    }

    private void awaitNotice(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), text));
    }

    /** Signs in through the dialog, once per browser tab. */
    private void signIn() {
        open("#/overview");
        WebElement button = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-button")));
        if (!button.isDisplayed()) {
            return;
        }
        button.click();
        submitSignIn();
    }

    /** Gives the admin's password to the sign-in dialog, once it is open, and waits for the page to say so. */
    private void submitSignIn() {
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#sign-in-form input[name=password]")));
        password.sendKeys(ApplicationTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
    }

    /** Each table the tables page lists, by name: its kind and its state, as "kind, state". */
    /**
     * Each table's kind and state as the page shows them, read in one script: the page renders the list anew every few
     * seconds, and a row read cell by cell from here could be replaced half-way (on a loaded machine, at every try).
     */
    @SuppressWarnings("unchecked")
    private Map<String, String> tablesOnThePage() {
        List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('#tables-rows tr[data-table]'), row => {
                    const cells = row.querySelectorAll('td');
                    return [row.dataset.table, cells[0].innerText.trim(), cells[3].innerText.trim()];
                });""");
        Map<String, String> tables = new LinkedHashMap<>();
        rows.forEach(row -> tables.put(row.get(0), row.get(1) + ", " + row.get(2)));
        return tables;
    }

    private static By rebuildButton(String table) {
        return By.cssSelector("button[aria-label='Rebuild table " + table + "']");
    }

    /** Scrolls the page to show that element in the middle of the window, for a screenshot of it. */
    private void scrollTo(By element) {
        wait.until(driver -> ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); return true;", driver.findElement(element)));
    }

    private WebElement row(int year) {
        return browser.findElement(By.xpath("//tbody[@id='years-rows']/tr[th='" + year + "']"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /**
     * Chooses in the page's filter form the first of {@code values} that the API answers another total for than for
     * none, filters by it, and waits for the table's caption to say that total.
     */
    private void filterBy(String page, String field, List<String> values, String path, String noun) {
        long none = http.getForObject(path, JsonNode.class).get("total").asLong();
        Map<String, Long> totals = new LinkedHashMap<>();
        values.forEach(value -> totals.put(value, http.getForObject(path + "?" + field + "=" + value, JsonNode.class)
                .get("total").asLong()));
        Map.Entry<String, Long> chosen = totals.entrySet().stream().filter(total -> total.getValue() != none)
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " filters anything out: " + totals));
        new Select(browser.findElement(By.cssSelector("#" + page + "-filters select[name=" + field + "]")))
                .selectByValue(chosen.getKey());
        browser.findElement(By.cssSelector("#" + page + "-filters button[type=submit]")).click();
        By caption = By.cssSelector("#" + page + "-table caption");
        String said = String.format(Locale.US, "%,d %s", chosen.getValue(), noun);
        wait.until(driver -> driver.findElement(caption).getText().startsWith(said));
    }

    private List<String> texts(By elements) {
        return browser.findElements(elements).stream().map(WebElement::getText).toList();
    }

    /** A filter's choices: none ("any"), then the API's values. */
    private static List<String> anyOr(List<String> values) {
        List<String> choices = new ArrayList<>(List.of("any"));
        choices.addAll(values);
        return choices;
    }

    private static long number(WebElement cell) {
        return Long.parseLong(cell.getText().replace(",", ""));
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve("dashboard-" + name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }
}
