package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The services' OpenAPI documents and one Swagger UI page through the gateway, open without a token, never answered
 * by the portal, under the gateway's Content-Security-Policy.
 */
class ApiDocsTest extends LocalGatewayTest {

    @ParameterizedTest
    @ValueSource(strings = {"frameworks", "assessments", "learner-profiles", "analytics", "community"})
    void routesDocumentPathToServicesApiDocs_whenNoTokenIsSent(String service) {
        client().get().uri("/v3/api-docs/" + service).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(service + " /v3/api-docs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryServicesDocument_whenSwaggerUiReadsItsConfig() {
        client().get().uri("/v3/api-docs/gateway/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].name").value(names -> assertThat((List<Object>) names)
                        .containsExactlyInAnyOrder("frameworks", "assessments", "learner-profiles", "analytics",
                                "community"))
                .jsonPath("$.urls[?(@.name == 'frameworks')].url").isEqualTo(List.of("/v3/api-docs/frameworks"))
                .jsonPath("$['urls.primaryName']").isEqualTo("frameworks");
    }

    @Test
    void servesSwaggerUiWithScriptsFromTheGatewayOnly_whenItsPathIsAsked() {
        String location = client().get().uri("/swagger-ui.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).isEqualTo("/swagger-ui/index.html");

        client().get().uri(location).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"))
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("swagger-ui-bundle.js", "swagger-initializer.js")
                        .doesNotContain("portal test page")
                        // Every script is a file of the gateway's: none inline.
                        .doesNotContainPattern("<script(?![^>]*src=)"));
        client().get().uri("/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script)
                        .contains("/v3/api-docs/gateway/swagger-config"));
    }
}
