package dev.competency.e2e.browser;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web portal in a headless browser, used as a person uses it: pages are recognised by their heading, links and
 * buttons by the names a person reads (their accessible names), fields by their labels. Every wait is on a condition
 * and, when it times out, says where the browser was and what the page showed.
 */
public final class Portal implements AutoCloseable {

    /** The machine is slow and shared; a page that is merely slow must not fail a test. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Pattern SIGN_IN = Pattern.compile("^sign in$", Pattern.CASE_INSENSITIVE);
    private static final String BUTTONS = "button, input[type=submit], input[type=button], [role=button]";
    private static final String CLICKABLE = "a[href], [role=link], [role=tab], summary, " + BUTTONS;

    private final ChromeDriver driver;
    private final URI gateway;
    private final Path screenshots;

    private Portal(ChromeDriver driver, URI gateway, Path screenshots) {
        this.driver = driver;
        this.gateway = gateway;
        this.screenshots = screenshots;
    }

    /** A new browser (fresh profile, signed out) on the portal at {@code gateway}. */
    public static Portal open(URI gateway, Path workDirectory) {
        return new Portal(Chromium.start(workDirectory.resolve("browser")), gateway,
                workDirectory.resolve("screenshots"));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public URI gateway() {
        return gateway;
    }

    /** Opens a path of the portal as if typed into the address bar (a deep link). */
    public Portal visit(String path) {
        driver.get(gateway.resolve(path).toString());
        return this;
    }

    /** The path the browser shows now. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    // ---- signing in and out -------------------------------------------------------------------------------------

    /**
     * Signs in from the landing page through the development issuer's login page by choosing the demo account, and
     * waits for the account's home page, recognised by its heading.
     */
    public Portal signInAs(String username, String homeHeading) {
        openIssuerLoginPage();
        WebElement account = await("the demo account button of " + username, d ->
                d.findElements(By.cssSelector("button[name='account']")).stream()
                        .filter(button -> accessibleName(button).contains(username)).findFirst().orElse(null));
        account.click();
        awaitHeading(homeHeading);
        return this;
    }

    /** Signs in by typing the user name and password into the development issuer's login form. */
    public Portal signInWithPassword(String username, String password, String homeHeading) {
        openIssuerLoginPage();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement submit = await("the login form's Sign in button", d ->
                d.findElements(By.cssSelector("button[type='submit'], input[type='submit']")).stream()
                        .filter(button -> !"account".equals(button.getDomAttribute("name")))
                        .filter(button -> SIGN_IN.matcher(accessibleName(button)).matches())
                        .findFirst().orElse(null));
        submit.click();
        awaitHeading(homeHeading);
        return this;
    }

    /** From the signed-out landing page, "Sign in" leads to the issuer's login page. */
    public void openIssuerLoginPage() {
        visit("/");
        press(SIGN_IN);
        await("the development issuer's login page", d -> d.getCurrentUrl().contains("/dev-issuer/authorize")
                && !d.findElements(By.id("username")).isEmpty());
    }

    /** Presses "Sign out" and waits until the browser is back on the signed-out landing page at {@code /}. */
    public Portal signOut() {
        press(Pattern.compile("^sign out$", Pattern.CASE_INSENSITIVE));
        await("the signed-out landing page at /", d -> "/".equals(path()) && findClickable(SIGN_IN).isPresent());
        return this;
    }

    /** {@code GET /session} from the page, as the portal reads it. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> session() {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/session', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
                  .then(r => r.json()).then(done).catch(e => done({error: String(e)}));""");
        return (Map<String, Object>) result;
    }

    /** The status a same-origin {@code GET} of {@code path} answers in this browser's session. */
    public int fetchStatus(String path) {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin', headers: {Accept: 'application/json'}})
                  .then(r => done(r.status)).catch(e => done(-1));""", path);
        return ((Number) result).intValue();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** Waits until the page's main heading (h1) reads {@code text}. */
    public WebElement awaitHeading(String text) {
        return await("the heading \"" + text + "\"", d -> d.findElements(By.tagName("h1")).stream()
                .filter(h1 -> h1.isDisplayed() && h1.getText().strip().equals(text)).findFirst().orElse(null));
    }

    /** Waits until a main heading (h1) matching {@code pattern} shows; its text. */
    public String awaitHeading(Pattern pattern) {
        return await("a heading matching " + pattern, d -> d.findElements(By.tagName("h1")).stream()
                .filter(WebElement::isDisplayed).map(h1 -> h1.getText().strip())
                .filter(text -> pattern.matcher(text).find()).findFirst().orElse(null));
    }

    /** Waits until the visible text of the page contains {@code text}. */
    public Portal awaitText(String text) {
        await("the text \"" + text + "\"", d -> bodyText().contains(text));
        return this;
    }

    /** Waits until the visible text of the page matches {@code pattern} somewhere. */
    public String awaitText(Pattern pattern) {
        return await("text matching " + pattern, d -> {
            var matcher = pattern.matcher(bodyText());
            return matcher.find() ? matcher.group() : null;
        });
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The text of the cell of a table row that contains {@code rowText}, in the column whose header matches
     * {@code column}; empty when no table has such a row and column.
     */
    public Optional<String> cell(String rowText, Pattern column) {
        Object text = ((JavascriptExecutor) driver).executeScript("""
                const [rowText, source, flags] = arguments;
                const column = new RegExp(source, flags);
                for (const table of document.querySelectorAll('table')) {
                  const headRows = table.querySelectorAll('thead tr');
                  const head = headRows.length ? headRows[headRows.length - 1] : table.querySelector('tr');
                  if (!head) continue;
                  const headers = [...head.querySelectorAll(':scope > th, :scope > td')]
                    .map(h => h.innerText.replace(/\\s+/g, ' ').trim());
                  const index = headers.findIndex(h => column.test(h));
                  if (index < 0) continue;
                  for (const row of table.querySelectorAll('tbody tr')) {
                    if (!row.innerText.includes(rowText)) continue;
                    const cells = row.querySelectorAll(':scope > th, :scope > td');
                    if (cells[index]) return cells[index].innerText.replace(/\\s+/g, ' ').trim();
                  }
                }
                return null;""", rowText, column.pattern(), flags(column));
        return Optional.ofNullable((String) text);
    }

    /** Waits until a table shows a row containing {@code rowText} with a cell under {@code column}. */
    public String awaitCell(String rowText, Pattern column) {
        return await("a table row with \"" + rowText + "\" and a column " + column,
                d -> cell(rowText, column).orElse(null));
    }

    /** Waits until that cell contains {@code text} (ignoring case); the cell's text. */
    public String awaitCellContaining(String rowText, Pattern column, String text) {
        return await("a table row with \"" + rowText + "\" showing \"" + text + "\" under " + column,
                d -> cell(rowText, column).filter(cell -> cell.toLowerCase().contains(text.toLowerCase()))
                        .orElse(null));
    }

    /**
     * Waits until a table whose caption matches {@code caption} shows at least one row in its body; the number of
     * body rows.
     */
    public int awaitTableRows(Pattern caption) {
        return await("a table captioned " + caption + " with rows", d -> {
            Object rows = ((JavascriptExecutor) d).executeScript("""
                    const [source, flags] = arguments;
                    const caption = new RegExp(source, flags);
                    for (const table of document.querySelectorAll('table')) {
                      const text = table.caption ? table.caption.innerText.replace(/\\s+/g, ' ').trim() : '';
                      if (table.offsetParent === null || !caption.test(text)) continue;
                      const rows = table.querySelectorAll('tbody tr').length;
                      if (rows > 0) return rows;
                    }
                    return null;""", caption.pattern(), flags(caption));
            return rows == null ? null : ((Number) rows).intValue();
        });
    }

    /**
     * Waits until a chart (a canvas with a name, as Chart.js draws one) shows with a size and something painted on
     * it; the chart's accessible name.
     */
    public String awaitChartDrawn(String what) {
        return await("a drawn chart of " + what, d -> (String) ((JavascriptExecutor) d).executeScript("""
                for (const canvas of document.querySelectorAll('canvas[role=img]')) {
                  if (canvas.offsetParent === null || canvas.width === 0 || canvas.height === 0) continue;
                  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  for (let i = 3; i < pixels.length; i += 4) {
                    if (pixels[i] !== 0) return canvas.getAttribute('aria-label') || 'a chart';
                  }
                }
                return null;"""));
    }

    /** The address (absolute, as the page resolves it) of the visible link whose accessible name matches. */
    public URI linkTarget(Pattern name) {
        WebElement link = await("a link named " + name, d -> d.findElements(By.cssSelector("a[href]")).stream()
                .filter(element -> isDisplayedNamed(element, name)).findFirst().orElse(null));
        return URI.create(link.getDomProperty("href"));
    }

    /** The query parameters of the address the browser shows, decoded, in their order. */
    public Map<String, List<String>> queryParameters() {
        return queryParameters(URI.create(driver.getCurrentUrl()));
    }

    /** The query parameters of an address, decoded, in their order. */
    public static Map<String, List<String>> queryParameters(URI address) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String query = address.getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** What a same-origin {@code GET} answered in this browser's session: status, content type and body text. */
    public record Fetched(int status, String contentType, String body) {
    }

    /** A same-origin {@code GET} of {@code address} from the page, with the session's cookies, read as text. */
    @SuppressWarnings("unchecked")
    public Fetched fetchText(String address) {
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.text().then(body => done({status: r.status,
                      type: r.headers.get('Content-Type') || '', body})))
                  .catch(e => done({status: -1, type: '', body: String(e)}));""", address);
        return new Fetched(((Number) result.get("status")).intValue(), (String) result.get("type"),
                (String) result.get("body"));
    }

    // ---- acting -------------------------------------------------------------------------------------------------

    /** Follows the link whose accessible name matches {@code name} (opening the folded navigation if need be). */
    public Portal follow(Pattern name) {
        clickable("a link or button named " + name, CLICKABLE, name).click();
        return this;
    }

    public Portal follow(String exactName) {
        return follow(exactly(exactName));
    }

    /** Presses the button whose accessible name matches {@code name}. */
    public Portal press(Pattern name) {
        clickable("a button named " + name, BUTTONS, name).click();
        return this;
    }

    public Portal press(String exactName) {
        return press(exactly(exactName));
    }

    /**
     * Presses the first button or link matching {@code action} that belongs to the smallest part of the page (list
     * item, table row, card) showing {@code text}: "Start" next to a quiz's title, "Grade" next to an attempt.
     */
    public Portal pressNear(String text, Pattern action) {
        WebElement target = await("a control named " + action + " next to \"" + text + "\"", d ->
                (WebElement) ((JavascriptExecutor) d).executeScript("""
                        const [text, source, flags, selector] = arguments;
                        const action = new RegExp(source, flags);
                        const name = e => (e.getAttribute('aria-label') || e.innerText || e.value || '')
                          .replace(/\\s+/g, ' ').trim();
                        const holders = [...document.querySelectorAll('body *')]
                          .filter(e => e.offsetParent !== null && e.innerText && e.innerText.includes(text))
                          .filter(e => ![...e.children].some(c => c.innerText && c.innerText.includes(text)));
                        for (const holder of holders) {
                          for (let e = holder; e && e !== document.body; e = e.parentElement) {
                            const found = [...e.querySelectorAll(selector)]
                              .filter(c => c.offsetParent !== null && action.test(name(c)));
                            if (e.matches(selector) && action.test(name(e))) return e;
                            if (found.length) return found[0];
                          }
                        }
                        return null;""", text, action.pattern(), flags(action), CLICKABLE));
        target.click();
        return this;
    }

    /** Checks the radio button or check box whose label contains {@code label}. */
    public Portal choose(String label) {
        WebElement option = await("an option labelled \"" + label + "\"", d ->
                d.findElements(By.cssSelector("input[type=radio], input[type=checkbox], [role=radio]")).stream()
                        .filter(input -> accessibleName(input).contains(label)).findFirst().orElse(null));
        if (!option.isSelected()) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", option);
            option.click();
        }
        return this;
    }

    /**
     * Chooses, in the list box whose label matches {@code label}, the first option whose text contains
     * {@code optionText} (waiting until the list has loaded it).
     */
    public Portal select(Pattern label, String optionText) {
        WebElement box = await("a list box labelled " + label + " offering \"" + optionText + "\"", d ->
                d.findElements(By.tagName("select")).stream()
                        .filter(element -> element.isDisplayed() && element.isEnabled()
                                && label.matcher(accessibleName(element)).find())
                        .filter(element -> element.findElements(By.tagName("option")).stream()
                                .anyMatch(option -> option.getText().contains(optionText)))
                        .findFirst().orElse(null));
        Select list = new Select(box);
        String text = list.getOptions().stream().map(WebElement::getText).filter(t -> t.contains(optionText))
                .findFirst().orElseThrow();
        list.selectByVisibleText(text);
        return this;
    }

    /** Ticks the check box whose label matches {@code label}, if the page has one; whether it had. */
    public boolean tickIfOffered(Pattern label) {
        Optional<WebElement> box = driver.findElements(By.cssSelector("input[type=checkbox]")).stream()
                .filter(WebElement::isDisplayed).filter(input -> label.matcher(accessibleName(input)).find())
                .findFirst();
        box.filter(input -> !input.isSelected()).ifPresent(WebElement::click);
        return box.isPresent();
    }

    /** Types into the field whose label matches {@code label}. */
    public Portal type(Pattern label, String text) {
        WebElement field = await("a field labelled " + label, d ->
                d.findElements(By.cssSelector("input, textarea")).stream()
                        .filter(input -> input.isDisplayed() && label.matcher(accessibleName(input)).find())
                        .findFirst().orElse(null));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Gives a file to the file field of the page (preferring one whose label matches {@code label}). */
    public Portal upload(Pattern label, Path file) {
        WebElement field = await("a file field", d -> {
            List<WebElement> fields = d.findElements(By.cssSelector("input[type=file]"));
            return fields.stream().filter(input -> label.matcher(accessibleName(input)).find()).findFirst()
                    .orElse(fields.isEmpty() ? null : fields.get(0));
        });
        field.sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Whether a visible button or link matching {@code name} is on the page now. */
    public boolean offers(Pattern name) {
        return findClickable(name).isPresent();
    }

    /** Waits until a visible button or link matching {@code name} is on the page. */
    public Portal awaitOffered(Pattern name) {
        await("a link or button named " + name, d -> findClickable(name).orElse(null));
        return this;
    }

    // ---- checks of a whole page ---------------------------------------------------------------------------------

    /**
     * Checks the page the browser shows with axe-core at 1280 px and at 390 px wide (no serious or critical
     * violations) and saves a screenshot at each width as {@code target/screenshots/<page>-<width>.png}.
     */
    public Portal checkPage(String page) {
        String heading = currentHeading();
        try {
            for (int width : List.of(Chromium.WIDE, Chromium.NARROW)) {
                Screenshots.capture(driver, screenshots, page, width);
                if (heading != null) {
                    awaitHeading(heading);
                }
                Accessibility.assertNoSeriousViolations(driver, page + " at " + width + " px");
            }
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(Chromium.WIDE, Chromium.HEIGHT));
        }
        return this;
    }

    /** Saves a screenshot of the page at the current width, e.g. when a test failed. */
    public void captureAs(String page) {
        Screenshots.capture(driver, screenshots, page, driver.manage().window().getSize().getWidth());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String currentHeading() {
        return driver.findElements(By.tagName("h1")).stream().filter(WebElement::isDisplayed)
                .map(h1 -> h1.getText().strip()).findFirst().orElse(null);
    }

    private WebElement clickable(String description, String selector, Pattern name) {
        return await(description, d -> {
            Optional<WebElement> found = findClickable(selector, name);
            if (found.isEmpty()) {
                openFoldedNavigation();
                found = findClickable(selector, name);
            }
            return found.orElse(null);
        });
    }

    private Optional<WebElement> findClickable(Pattern name) {
        return findClickable(CLICKABLE, name);
    }

    private Optional<WebElement> findClickable(String selector, Pattern name) {
        return driver.findElements(By.cssSelector(selector)).stream()
                .filter(element -> isDisplayedNamed(element, name))
                .findFirst();
    }

    /** Whether the element shows with a matching name; false for one the page has just replaced. */
    private static boolean isDisplayedNamed(WebElement element, Pattern name) {
        try {
            return element.isDisplayed()
                    && name.matcher(accessibleName(element).replaceAll("\\s+", " ").strip()).find();
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    /** On narrow screens the navigation folds behind a "Menu" button. */
    private void openFoldedNavigation() {
        driver.findElements(By.cssSelector("button[aria-expanded='false']")).stream()
                .filter(WebElement::isDisplayed)
                .filter(button -> accessibleName(button).strip().equalsIgnoreCase("menu"))
                .findFirst().ifPresent(WebElement::click);
    }

    private static String accessibleName(WebElement element) {
        String name = element.getAccessibleName();
        return name == null ? "" : name;
    }

    /** A pattern matching {@code text} literally, written so that JavaScript's regular expressions read it alike. */
    public static Pattern literal(String text) {
        return Pattern.compile(text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/-]", "\\\\$0"));
    }

    private static Pattern exactly(String name) {
        return Pattern.compile("^" + Pattern.quote(name) + "$", Pattern.CASE_INSENSITIVE);
    }

    private static String flags(Pattern pattern) {
        return (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 ? "i" : "";
    }

    /** How chromedriver reports an element the page removed while it was read, besides a stale reference. */
    private static final String DETACHED_NODE = "does not belong to the document";

    /** Waits for a condition with patience; on time-out the message tells where the browser was and what it showed. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "waiting for " + what + "; " + whereAmI());
        return wait.until(browser -> {
            try {
                return condition.apply(browser);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains(DETACHED_NODE)) {
                    return null; // the page replaced the element while it was read: as stale, look again
                }
                throw e;
            }
        });
    }

    /** Where the browser is and what it shows, for failure messages. */
    public String whereAmI() {
        try {
            return "the browser is at " + driver.getCurrentUrl() + " showing headings "
                    + driver.findElements(By.tagName("h1")).stream().map(WebElement::getText)
                    .collect(Collectors.toList()) + " and the text:\n" + excerpt(bodyText());
        } catch (RuntimeException e) {
            return "the browser cannot tell where it is: " + e;
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 1500 ? text : text.substring(0, 1500) + " …";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
