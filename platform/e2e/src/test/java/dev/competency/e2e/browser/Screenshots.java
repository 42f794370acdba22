package dev.competency.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** Whole-page screenshots, saved as test artefacts under {@code target/screenshots/<page>-<width>.png}. */
final class Screenshots {

    private static final int TALLEST = 6000;

    private Screenshots() {
    }

    /** Resizes the window to {@code width}, then to the page's full height, and saves what it shows. */
    static Path capture(ChromeDriver driver, Path directory, String page, int width) {
        driver.manage().window().setSize(new Dimension(width, Chromium.HEIGHT));
        long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(TALLEST,
                Math.max(Chromium.HEIGHT, height))));
        Path target = directory.resolve(page + "-" + width + ".png");
        try {
            Files.createDirectories(directory);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + target, e);
        } finally {
            driver.manage().window().setSize(new Dimension(width, Chromium.HEIGHT));
        }
        return target;
    }
}
