package dev.competency.gateway.devissuer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The browser-facing half of the authorization-code flow (RFC 6749 §4.1 with PKCE, RFC 7636, S256 only): the
 * sign-in page, the form it posts, and RP-initiated logout. Every parameter of the authorization request is checked
 * before a page with a form is shown, and again when the form comes back (its hidden fields come from the browser).
 * A request with an unknown client or a redirect URI outside the client's callbacks gets an error page, never a
 * redirect.
 */
class AuthorizationEndpoint {

    /** The parameters of an authorization request, in the order the form carries them. */
    private static final List<String> REQUEST_PARAMETERS = List.of("response_type", "client_id", "redirect_uri",
            "scope", "state", "nonce", "code_challenge", "code_challenge_method");

    private final DevIssuer issuer;
    private final SignIns signIns;
    private final PortalClient client;
    private final Clock clock;

    AuthorizationEndpoint(DevIssuer issuer, SignIns signIns, PortalClient client, Clock clock) {
        this.issuer = issuer;
        this.signIns = signIns;
        this.client = client;
        this.clock = clock;
    }

    Mono<ServerResponse> showLoginPage(ServerRequest request) {
        Map<String, String> parameters = parameters(request.queryParams());
        return answer(request, parameters, null);
    }

    Mono<ServerResponse> signIn(ServerRequest request) {
        return request.formData().flatMap(form -> {
            Map<String, String> parameters = parameters(form);
            if (problem(parameters, request.uri()) != null) {
                return answer(request, parameters, null);
            }
            Optional<DemoAccount> account = form.getFirst("account") != null
                    ? DemoAccount.USERS.stream().filter(user -> user.name().equals(form.getFirst("account"))).findFirst()
                    : DevIssuerHandler.find(DemoAccount.USERS, form.getFirst("username"), form.getFirst("password"));
            if (account.isEmpty()) {
                return answer(request, parameters, "Unknown username or wrong password.");
            }
            SignIns.Grant grant = new SignIns.Grant(parameters.get("client_id"), parameters.get("redirect_uri"),
                    parameters.get("code_challenge"), parameters.get("nonce"), parameters.get("scope"),
                    account.get(), SignIns.newSignInId(), clock.instant());
            URI target = UriComponentsBuilder.fromUriString(grant.redirectUri())
                    .queryParam("code", "{code}")
                    .queryParam("state", "{state}")
                    .encode()
                    .buildAndExpand(signIns.issueCode(grant), parameters.get("state"))
                    .toUri();
            return ServerResponse.status(HttpStatus.FOUND).location(target).cacheControl(CacheControl.noStore())
                    .build();
        });
    }

    /**
     * OpenID Connect RP-initiated logout: a valid {@code id_token_hint} ends its sign-in here (its refresh tokens stop
     * working); the browser goes on to {@code post_logout_redirect_uri} if that is a page of a trusted origin.
     */
    Mono<ServerResponse> logout(ServerRequest request) {
        request.queryParam("id_token_hint")
                .flatMap(issuer::signedClaims)
                .map(claims -> claims.getClaim("sid"))
                .ifPresent(signInId -> signIns.endSignIn(String.valueOf(signInId)));
        LoginPage page = LoginPage.create();
        Optional<String> next = request.queryParam("post_logout_redirect_uri");
        if (next.isEmpty()) {
            return html(HttpStatus.OK, page, null, page.signedOut());
        }
        if (!client.acceptsPostLogoutRedirect(next.get(), request.uri())) {
            return html(HttpStatus.BAD_REQUEST, page, null,
                    page.error("post_logout_redirect_uri is not a page of the portal; you are signed out."));
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(next.get());
        request.queryParam("state").ifPresent(state -> target.queryParam("state", "{state}"));
        URI location = target.encode().buildAndExpand(request.queryParam("state").orElse("")).toUri();
        return ServerResponse.status(HttpStatus.FOUND).location(location).cacheControl(CacheControl.noStore()).build();
    }

    private Mono<ServerResponse> answer(ServerRequest request, Map<String, String> parameters, String message) {
        LoginPage page = LoginPage.create();
        String problem = problem(parameters, request.uri());
        if (problem != null) {
            return html(HttpStatus.BAD_REQUEST, page, null, page.error(problem));
        }
        String redirectOrigin = PortalClient.origin(URI.create(parameters.get("redirect_uri")));
        return html(HttpStatus.OK, page, redirectOrigin, page.form(parameters, DemoAccount.USERS, message));
    }

    /** What is wrong with the authorization request, in words, or null when it may go on. */
    private String problem(Map<String, String> parameters, URI requestUri) {
        if (!client.clientId().equals(parameters.get("client_id"))) {
            return "client_id is missing or names no client of this issuer.";
        }
        if (!client.acceptsRedirect(parameters.get("redirect_uri"), requestUri)) {
            return "redirect_uri is missing or is not a sign-in callback of the client.";
        }
        if (!"code".equals(parameters.get("response_type"))) {
            return "response_type must be code.";
        }
        String scope = parameters.get("scope");
        if (scope == null || Arrays.stream(scope.split(" ")).noneMatch("openid"::equals)) {
            return "scope must include openid.";
        }
        if (parameters.get("state") == null) {
            return "state is required.";
        }
        if (!Pkce.isChallenge(parameters.get("code_challenge"))) {
            return "code_challenge is required (PKCE): 43 characters of base64url.";
        }
        if (!"S256".equals(parameters.get("code_challenge_method"))) {
            return "code_challenge_method must be S256.";
        }
        return null;
    }

    private static Map<String, String> parameters(MultiValueMap<String, String> source) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : REQUEST_PARAMETERS) {
            List<String> values = source.get(name);
            // A parameter sent twice is as good as absent (RFC 6749 §3.1).
            parameters.put(name, values != null && values.size() == 1 && !values.get(0).isEmpty()
                    ? values.get(0) : null);
        }
        return parameters;
    }

    private static Mono<ServerResponse> html(HttpStatus status, LoginPage page, String redirectOrigin, String html) {
        return ServerResponse.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", page.contentSecurityPolicy(redirectOrigin))
                // Not no-referrer: with it, browsers post the login form with "Origin: null", which the CORS check
                // refuses as a foreign origin. same-origin keeps the page's address from every other site.
                .header("Referrer-Policy", "same-origin")
                .header("X-Frame-Options", "DENY")
                .bodyValue(html);
    }
}
