package dev.competency.e2e.community;

import static dev.competency.e2e.platform.DemoOrganisation.DESIGNS_APIS;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_ADA;
import static dev.competency.e2e.platform.DemoOrganisation.LEARNER_GRACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.e2e.browser.Portal;
import dev.competency.e2e.platform.PlatformApi;
import dev.competency.e2e.platform.PortalTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A learner's page is open; someone replies to her discussion; the bell's count and the new notification show on the
 * same page, without a reload, through the community service's live stream. The counts are read relative to what the
 * page showed first, and the notification is recognised by the discussion it links to, so other tests' notifications
 * for the same learner change nothing.
 */
@PortalTest
class LiveNotificationsIT {

    private static final Pattern BELL = Pattern.compile("^Notifications, (\\d+) unread$");

    /**
     * Runs before the portal's own scripts in every document of the browser: counts the notification streams that
     * opened, so the test acts only once the page listens (an event before that would reach the page only by polling).
     */
    private static final String OBSERVE_STREAMS = """
            (() => {
              const Native = window.EventSource;
              if (!Native || Native.observedByTest) return;
              const streams = window.liveStreamsSeenByTest = { opened: 0 };
              class Observed extends Native {
                constructor(url, init) {
                  super(url, init);
                  this.addEventListener('open', () => { streams.opened += 1; });
                }
              }
              Observed.observedByTest = true;
              window.EventSource = Observed;
            })();""";

    @Test
    void showsNewNotificationAndCount_withoutReload_whenSomeoneRepliesToLearnersDiscussion(Portal portal,
                                                                                        PlatformApi api) {
        String title = "Live update check " + UUID.randomUUID().toString().substring(0, 8);
        String discussionId = api.call(LEARNER_ADA, "POST", "/api/community/discussions", Map.of(
                "subjectKind", "COMPETENCY", "subjectId", DESIGNS_APIS, "title", title,
                "body", "Who has versioned a public API without breaking its clients?", "mentions", List.of()))
                .path("discussionId").asString();
        portal.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE_STREAMS));

        portal.signInAs(LEARNER_ADA, "My competencies");
        int before = portal.await("the bell with the number of unread notifications", driver -> unread(portal));
        portal.await("the notification stream to open", driver -> opened(portal) > 0 ? Boolean.TRUE : null);
        script(portal, "window.pageOfTheLiveCheck = true;");

        api.call(LEARNER_GRACE, "POST", "/api/community/discussions/" + discussionId + "/replies",
                Map.of("body", "Yes: additive changes only, and a new version for anything else.",
                        "mentions", List.of()));

        int after = portal.await("the bell counting more than " + before + " unread",
                driver -> {
                    Integer count = unread(portal);
                    return count != null && count > before ? count : null;
                });
        portal.press(BELL);
        WebElement notification = portal.await("a notification about the discussion in the bell's list",
                driver -> driver.findElements(By.cssSelector("a[href$='/discussions/" + discussionId + "']"))
                        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(after).isGreaterThan(before);
        assertThat(notification.getText()).isNotBlank();
        assertThat(script(portal, "return window.pageOfTheLiveCheck === true;"))
                .as("the same page, never reloaded").isEqualTo(Boolean.TRUE);

        notification.click();
        portal.awaitHeading("Discussion");
        portal.awaitText(title);
        portal.awaitText("additive changes only");
    }

    /** The unread count the bell's name gives; null before the feed has answered. */
    private static Integer unread(Portal portal) {
        for (WebElement button : portal.driver().findElements(By.cssSelector("header button[aria-label]"))) {
            Matcher matcher = BELL.matcher(String.valueOf(button.getDomAttribute("aria-label")));
            if (matcher.matches()) {
                return Integer.valueOf(matcher.group(1));
            }
        }
        return null;
    }

    private static long opened(Portal portal) {
        Object count = script(portal, "return (window.liveStreamsSeenByTest || {opened: 0}).opened;");
        return count instanceof Number number ? number.longValue() : 0;
    }

    private static Object script(Portal portal, String source) {
        return ((JavascriptExecutor) portal.driver()).executeScript(source);
    }
}
