package dev.competency.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Whole-page screenshots, saved as test artefacts under {@code target/screenshots/<page>-<width>.png}. The window is
 * set to the width; the page is captured to its full height through the DevTools protocol command chromedriver
 * relays (headless Chromium does not grow a window beyond its screen).
 */
final class Screenshots {

    private static final double TALLEST = 8000;

    private Screenshots() {
    }

    @SuppressWarnings("unchecked")
    static Path capture(ChromeDriver driver, Path directory, String page, int width) {
        driver.manage().window().setSize(new Dimension(width, Chromium.HEIGHT));
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
