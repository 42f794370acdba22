package dev.competency.community.discussion.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersFormatting_whenMarkdownIsPlain() {
        String html = renderer.render("# Title\n\n**bold** and *it* and `code`\n\n- one\n- two\n\n> quote");

        assertThat(html).contains("<h1>Title</h1>", "<strong>bold</strong>", "<em>it</em>", "<code>code</code>",
                "<li>one</li>", "<blockquote>");
    }

    @Test
    void addsNofollow_whenLinkIsHttps() {
        assertThat(renderer.render("[docs](https://example.com/a)"))
                .contains("href=\"https://example.com/a\"").contains("rel=\"nofollow noopener noreferrer\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![img](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg/onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "[x](vbscript:msgbox(1))",
            "<details open ontoggle=alert(1)>",
            "`<script>`</script>",
            "<<script>script>alert(1)<</script>/script>",
            "[a](https://ok.example \"title\" onmouseover=alert(1))"})
    void leavesNoActiveContent_whenPostCarriesXssPayload(String payload) {
        Document html = Jsoup.parseBodyFragment(renderer.render(payload));

        assertThat(html.select("script, img, iframe, svg, details, object, embed, style, form, input")).isEmpty();
        for (Element element : html.body().getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("attribute of <%s>", element.tagName())
                        .doesNotStartWithIgnoringCase("on").isNotEqualToIgnoringCase("style")
                        .isNotEqualToIgnoringCase("src");
            }
        }
        assertThat(html.select("a[href]")).allSatisfy(link -> assertThat(link.attr("href"))
                .matches("(?i)(https?:|mailto:).*"));
    }

    @Test
    void showsHtmlAsText_whenPostContainsTags() {
        assertThat(renderer.render("I wrote <b>tags</b>")).contains("&lt;b&gt;tags&lt;/b&gt;");
    }
}
