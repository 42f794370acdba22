package dev.competency.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

class BearerTokenReaderTest {

    /** Spring Security's own converter is the reference: same token, same refusals, same silence. */
    private final ServerBearerTokenAuthenticationConverter reference = new ServerBearerTokenAuthenticationConverter();
    private final BearerTokenReader reader = new BearerTokenReader();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "bearer abc", "BEARER abc", "Bearer a-b._~+/c==",
            "Bearer abc=", "Bearer abc=d", "Bearer =", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Bearer a b",
            "Bearer ab\u00e9", "Bearer ab%2F", "Bearerabc", "Bearer\tabc", "Basic dXNlcjpwYXNz", "Token abc", "",
            "Bearer abc\n"})
    void agreesWithSpringSecuritysConverter(String header) {
        assertThat(outcome(reader, header)).isEqualTo(outcome(reference, header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer a b", "Bearer "})
    void malformedTokenIsRefusedNotIgnored(String header) {
        assertThat(outcome(reader, header)).startsWith("refused");
    }

    private static String outcome(
            org.springframework.security.web.server.authentication.ServerAuthenticationConverter converter,
            String header) {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/learners/me")
                .header(HttpHeaders.AUTHORIZATION, header));
        Throwable failure = catchThrowable(() -> converter.convert(exchange).block());
        if (failure != null) {
            return "refused: " + failure.getMessage();
        }
        Authentication token = converter.convert(exchange).block();
        return token == null ? "no token" : "token " + token.getCredentials();
    }
}
