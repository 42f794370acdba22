package dev.competency.community.discussion.query;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Posts are written in CommonMark and shown as HTML that is safe to put into a page as it is. Two layers: commonmark
 * renders raw HTML in the text as text and drops {@code javascript:}-style link targets, then jsoup keeps only the
 * elements and attributes of a safelist (text formatting, lists, quotes, code, headings, tables, http(s) and mailto
 * links, which open with {@code rel="nofollow noopener noreferrer"}). Images are not kept: a post links to them.
 */
public class MarkdownRenderer {

    private static final Safelist SAFELIST = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "table", "thead", "tbody", "tr", "th", "td",
                    "del")
            .removeProtocols("a", "href", "ftp")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Cleaner cleaner = new Cleaner(SAFELIST);

    /** The post's HTML: rendered, then cleaned. */
    public String render(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        Document clean = cleaner.clean(Jsoup.parseBodyFragment(html));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
