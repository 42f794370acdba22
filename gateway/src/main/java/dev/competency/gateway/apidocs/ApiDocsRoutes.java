package dev.competency.gateway.apidocs;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services' OpenAPI documents through the gateway: {@code GET /v3/api-docs/<service>} answers that service's
 * {@code /v3/api-docs}, from the address of the service's API route (so {@code FRAMEWORKS_URL} and the others decide
 * both). The gateway's Swagger UI page ({@code /swagger-ui.html}, springdoc) lists these documents; their server is
 * relative, so the page calls the APIs through the gateway too. The documents are open: they describe the operations,
 * each of which still needs its token.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    /** The API routes (ids in {@code spring.cloud.gateway.server.webflux.routes}) whose service has a document. */
    static final List<String> SERVICES = List.of("frameworks", "assessments", "learner-profiles", "analytics",
            "community");
    static final String PREFIX = "/v3/api-docs/";

    @Bean
    RouteLocator apiDocsRouteLocator(RouteLocatorBuilder builder, GatewayProperties gateway) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (String service : SERVICES) {
            URI uri = gateway.getRoutes().stream()
                    .filter(route -> route.getId().equals(service))
                    .map(RouteDefinition::getUri)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No gateway route '" + service + "' to read the "
                            + "address of its API document from"));
            routes.route(service + "-api-docs", route -> route.path(PREFIX + service)
                    .filters(filters -> filters.setPath("/v3/api-docs"))
                    .uri(uri));
        }
        return routes.build();
    }
}
