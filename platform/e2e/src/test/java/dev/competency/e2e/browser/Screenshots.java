package dev.competency.e2e.browser;

import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Whole-page screenshots, saved as test artefacts under {@code target/screenshots/<page>-<width>.png}. The window is
 * set to the width; the page is captured to its full height through the DevTools protocol command chromedriver
 * relays (headless Chromium does not grow a window beyond its screen). Charts draw on canvases that follow their
 * size after a resize: the capture waits until every canvas has been drawn again at its new size, else a chart would
 * show stretched.
 */
final class Screenshots {

    private static final double TALLEST = 8000;
    /** True once every canvas's drawing buffer has the size it is shown at, and a frame has been painted since. */
    private static final String CANVASES_SETTLED = """
            const done = arguments[arguments.length - 1];
            const ratio = window.devicePixelRatio || 1;
            const settled = [...document.querySelectorAll('canvas')].every(canvas =>
                Math.abs(canvas.width - Math.round(canvas.clientWidth * ratio)) <= 1
                    && Math.abs(canvas.height - Math.round(canvas.clientHeight * ratio)) <= 1);
            requestAnimationFrame(() => requestAnimationFrame(() => done(settled)));
            """;

    private Screenshots() {
    }

    @SuppressWarnings("unchecked")
    static Path capture(ChromeDriver driver, Path directory, String page, int width) {
        driver.manage().window().setSize(new Dimension(width, Chromium.HEIGHT));
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100))
                .until(browser -> Boolean.TRUE.equals(((ChromeDriver) browser).executeAsyncScript(CANVASES_SETTLED)));
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double pageHeight = Math.min(TALLEST, ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", pageHeight, "scale", 1)));
        Path target = directory.resolve(page + "-" + width + ".png");
        try {
            Files.createDirectories(directory);
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + target, e);
        }
        return target;
    }
}
