package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;

/**
 * The portal's pages: deep links answer {@code index.html} (here the test classpath's), never cached; built files
 * are cached for a year; API paths and missing files stay problems. Every page carries the portal's security
 * headers.
 */
class PortalPagesTest extends LocalGatewayTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/me/growth", "/team/6233712f-50a9-4140-86c7-2a625148f704/gaps"})
    void servesIndex_whenAPageAddressIsAsked(String path) {
        client().get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                        + "base-uri 'self'; form-action 'self' " + BASE)
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(String.class).value(html -> assertThat(html).contains("portal test page"));
    }

    @Test
    void servesNoIndex_whenApiPathOrMissingFileIsAsked() {
        client().get().uri("/api/x").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/assets/missing.js").accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/favicon-missing.ico").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound();
        client().get().uri("/me/growth").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void cachesForAYear_whenABuiltAssetIsServed() {
        client().get().uri("/assets/app-3f2a9c.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(List.of(value.split(",\\s*")))
                        .contains("max-age=31536000", "public", "immutable"));
    }
}
