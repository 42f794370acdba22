package dev.competency.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages, driven through Debian's chromedriver. Both paths are given explicitly, so
 * Selenium Manager never looks for (or downloads) a browser or a driver.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final int WIDE = 1280;
    public static final int NARROW = 390;
    public static final int HEIGHT = 1000;
    /**
     * Selenium warns at every start that it has no DevTools binding for this Chromium version; the tests use WebDriver
     * only, so the warning says nothing. Held here so the setting outlives garbage collection.
     */
    private static final List<Logger> CDP_LOGGERS = List.of(
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"),
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"));

    static {
        CDP_LOGGERS.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private Chromium() {
    }

    /** Fails, naming the Debian packages to install, when the browser or its driver is missing. */
    public static void requireInstalled() {
        StringBuilder missing = new StringBuilder();
        if (!Files.isExecutable(BROWSER)) {
            missing.append(BROWSER).append(" (Debian package chromium) ");
        }
        if (!Files.isExecutable(DRIVER)) {
            missing.append(DRIVER).append(" (Debian package chromium-driver) ");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The browser tests need headless Chromium and its driver; missing: "
                    + missing + "- install them with: apt-get update && apt-get install -y chromium chromium-driver"
                    + " (.ci/run does this on a clean machine)");
        }
    }

    /** A new browser with a fresh profile in {@code workDirectory}: no cookies, no storage, nothing shared. */
    public static ChromeDriver start(Path workDirectory) {
        requireInstalled();
        Path profile;
        try {
            Files.createDirectories(workDirectory);
            profile = Files.createTempDirectory(workDirectory, "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a browser profile under " + workDirectory, e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                // Charts then draw at once: a screenshot never catches them half-way through their animation.
                "--force-prefers-reduced-motion",
                "--window-size=" + WIDE + "," + HEIGHT, "--user-data-dir=" + profile);
        options.setPageLoadTimeout(Duration.ofSeconds(90));
        // axe-core checks every element of a page, which takes seconds on a loaded 2-core host; pages that list
        // many rows show them a page at a time.
        options.setScriptTimeout(Duration.ofSeconds(120));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(workDirectory.resolve("chromedriver.log").toFile())
                .build();
        return new ChromeDriver(service, options);
    }
}
