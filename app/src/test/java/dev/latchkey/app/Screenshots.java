package dev.latchkey.app;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/** Saves numbered PNGs of the pages a browser test visits under {@code app/target/screenshots/}. */
public final class Screenshots {

    static final Path DIRECTORY = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private final AtomicInteger counter = new AtomicInteger();
    private final String prefix;

    public Screenshots(String prefix) {
        this.prefix = prefix;
    }

    /** Takes a screenshot of what {@code driver} shows now, e.g. {@code DashboardBrowserTest-03-api-keys.png}. */
    public Path take(WebDriver driver, String name) {
        try {
            Files.createDirectories(DIRECTORY);
            Path target = DIRECTORY.resolve("%s-%02d-%s.png".formatted(prefix, counter.incrementAndGet(), name));
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
