package dev.competency.gateway.portal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Serves the single-page portal. Every page address (a {@code GET} that accepts HTML, outside the gateway's own and
 * the services' prefixes, with no file extension) answers the portal's {@code index.html}, and the portal's router
 * shows the page: deep links and reloads work. {@code index.html} is revalidated on every load, so a new release is
 * seen at once; the built files under {@code /assets/} have content-hashed names and are cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class PortalPages implements WebFluxConfigurer {

    /** Paths that are never portal pages: APIs, sign-in, the issuer, operations, and the built files. */
    static final List<String> NOT_PAGES = List.of("/api", "/xapi", "/ims", "/actuator", "/dev-issuer", "/oauth2",
            "/login", "/logout", "/session", "/v3", "/swagger-ui", "/assets");

    private static final Resource INDEX = new ClassPathResource("static/index.html");

    @Bean
    RouterFunction<ServerResponse> portalPageRoutes() {
        RequestPredicate page = RequestPredicates.GET("/**")
                .and(request -> isPagePath(request.path()))
                .and(RequestPredicates.accept(MediaType.TEXT_HTML));
        return RouterFunctions.route(page, PortalPages::index);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    static boolean isPagePath(String path) {
        for (String prefix : NOT_PAGES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return lastSegment.indexOf('.') < 0;
    }

    private static Mono<ServerResponse> index(ServerRequest request) {
        if (!INDEX.exists()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(BodyInserters.fromResource(INDEX));
    }
}
