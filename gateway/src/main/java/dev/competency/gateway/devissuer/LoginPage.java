package dev.competency.gateway.devissuer;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The development issuer's sign-in page: a username and password form and one button per demo account. No script;
 * its style sheet carries a nonce that the page's Content-Security-Policy names, and the forms may only post to the
 * issuer and be redirected to the client's validated callback.
 */
final class LoginPage {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d1f23}
            main{max-width:34rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:.5rem}
            h1{font-size:1.5rem;margin-top:0}
            label{display:block;margin:.75rem 0 .25rem;font-weight:600}
            input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #6b7280;border-radius:.25rem}
            button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem;border-radius:.25rem;border:1px solid #1e3a8a;background:#1e40af;color:#fff;cursor:pointer}
            button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
            ul{list-style:none;padding:0}
            li button{width:100%;text-align:left;background:#fff;color:#1e3a8a}
            .role{float:right;color:#374151}
            .note{color:#374151}
            .error{color:#991b1b;font-weight:600}
            """;

    private final String nonce;

    private LoginPage() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        this.nonce = Base64.getEncoder().encodeToString(bytes);
    }

    static LoginPage create() {
        return new LoginPage();
    }

    /** The Content-Security-Policy for this page; {@code redirectOrigin} is where the form's answer redirects to. */
    String contentSecurityPolicy(String redirectOrigin) {
        return "default-src 'none'; style-src 'nonce-" + nonce + "'; form-action 'self'"
                + (redirectOrigin == null ? "" : " " + redirectOrigin)
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** The sign-in form, carrying the authorization request in hidden fields; {@code message} is shown above it. */
    String form(Map<String, String> authorizationRequest, List<DemoAccount> accounts, String message) {
        StringBuilder hidden = new StringBuilder();
        authorizationRequest.forEach((name, value) -> {
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                        .append(escape(value)).append("\">\n");
            }
        });
        StringBuilder body = new StringBuilder();
        body.append("<h1>Sign in to the competency platform</h1>\n")
                .append("<p class=\"note\">Development issuer: demo accounts only, their passwords are public "
                        + "(username followed by <code>-pass</code>).</p>\n");
        if (message != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(message)).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"").append(DevIssuerConfiguration.BASE).append("/authorize\">\n")
                .append(hidden)
                .append("<label for=\"username\">Username</label>\n")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" autocapitalize=\"none\">\n")
                .append("<label for=\"password\">Password</label>\n")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">\n")
                .append("<button type=\"submit\">Sign in</button>\n")
                .append("</form>\n")
                .append("<h2>Demo accounts</h2>\n")
                .append("<form method=\"post\" action=\"").append(DevIssuerConfiguration.BASE).append("/authorize\">\n")
                .append(hidden)
                .append("<ul>\n");
        for (DemoAccount account : accounts) {
            body.append("<li><button type=\"submit\" name=\"account\" value=\"").append(escape(account.name()))
                    .append("\">Sign in as ").append(escape(account.name())).append(" <span class=\"role\">")
                    .append(escape(String.join(", ", account.roles()))).append("</span></button></li>\n");
        }
        body.append("</ul>\n</form>\n");
        return page("Sign in", body.toString());
    }

    /** A page that explains why the request cannot go on; it offers no way back to the unvalidated client. */
    String error(String message) {
        return page("Sign-in request refused", "<h1>This sign-in request cannot be served</h1>\n"
                + "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>\n");
    }

    String signedOut() {
        return page("Signed out", "<h1>You are signed out</h1>\n<p>The development issuer has forgotten the sign-in."
                + "</p>\n");
    }

    private String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " - development issuer</title>\n"
                + "<style nonce=\"" + nonce + "\">\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
