package dev.competency.platform.service.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the service's API document says about the service: its title (the application name unless the service names
 * one), a description in a few sentences and the version of the build.
 */
@ConfigurationProperties("platform.openapi")
public record OpenApiProperties(String title, String description, String version) {
}
