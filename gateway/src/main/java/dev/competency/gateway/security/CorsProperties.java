package dev.competency.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser origins allowed to call the APIs ({@code platform.gateway.cors.*}).
 *
 * @param allowedOrigins where the portal is served from ({@code PORTAL_ORIGINS}, comma separated)
 */
@ConfigurationProperties("platform.gateway.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
