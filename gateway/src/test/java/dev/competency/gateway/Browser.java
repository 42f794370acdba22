package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A browser for tests: keeps the cookies the gateway sets and sends them back, follows nothing by itself (each test
 * looks at every redirect), and knows the steps of signing in at the development issuer.
 */
final class Browser {

    private final String base;
    private final WebTestClient client;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, ResponseCookie> lastSet = new LinkedHashMap<>();

    /** A browser of the gateway at {@code base} ({@code http://127.0.0.1:<port>}). */
    Browser(String base) {
        this.base = base;
        this.client = FreshConnections.client(URI.create(base).getPort());
    }

    EntityExchangeResult<byte[]> get(String uri) {
        return get(uri, headers -> headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL)));
    }

    EntityExchangeResult<byte[]> get(String uri, Consumer<HttpHeaders> headers) {
        return remember(client.get().uri(URI.create(absolute(uri)))
                .headers(headers).cookies(sent -> cookies.forEach(sent::add))
                .exchange().expectBody().returnResult());
    }

    EntityExchangeResult<byte[]> post(String uri, MultiValueMap<String, String> form, Consumer<HttpHeaders> headers) {
        return remember(client.post().uri(URI.create(absolute(uri)))
                .headers(headers).cookies(sent -> cookies.forEach(sent::add))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange().expectBody().returnResult());
    }

    EntityExchangeResult<byte[]> postJson(String uri, String json, Consumer<HttpHeaders> headers) {
        return remember(client.post().uri(URI.create(absolute(uri)))
                .headers(headers).cookies(sent -> cookies.forEach(sent::add))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectBody().returnResult());
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    /** The cookie as the gateway last set it, with its attributes. */
    ResponseCookie setCookie(String name) {
        return lastSet.get(name);
    }

    /** Starts a sign-in: the gateway's redirect to the issuer, whose page is not yet loaded. */
    URI startSignIn() {
        EntityExchangeResult<byte[]> start = get("/oauth2/authorization/portal");
        assertThat(start.getStatus().value()).as("start of sign-in").isEqualTo(302);
        return start.getResponseHeaders().getLocation();
    }

    /** Posts the issuer's form for {@code account} (a demo button) and answers the issuer's redirect. */
    EntityExchangeResult<byte[]> chooseAccount(URI authorization, String account) {
        MultiValueMap<String, String> form = queryOf(authorization);
        form.add("account", account);
        return post(authorization.getPath(), form, headers -> { });
    }

    /** The whole sign-in as {@code account}, ending on the portal's start page. */
    Browser signIn(String account) {
        EntityExchangeResult<byte[]> issued = chooseAccount(startSignIn(), account);
        assertThat(issued.getStatus().value()).as("issuer's answer").isEqualTo(302);
        EntityExchangeResult<byte[]> callback = get(issued.getResponseHeaders().getLocation().toString());
        assertThat(callback.getStatus().value()).as("callback").isEqualTo(302);
        assertThat(callback.getResponseHeaders().getLocation()).hasPath("/");
        return this;
    }

    static MultiValueMap<String, String> queryOf(URI uri) {
        MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
        UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach((name, values) -> values.forEach(
                value -> decoded.add(name, value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8))));
        return decoded;
    }

    private EntityExchangeResult<byte[]> remember(EntityExchangeResult<byte[]> result) {
        result.getResponseCookies().forEach((name, values) -> values.forEach(cookie -> {
            lastSet.put(name, cookie);
            if (cookie.getMaxAge().isZero()) {
                cookies.remove(name);
            } else {
                cookies.put(name, cookie.getValue());
            }
        }));
        return result;
    }

    private String absolute(String uri) {
        return uri.startsWith("http") ? uri : base + uri;
    }
}
