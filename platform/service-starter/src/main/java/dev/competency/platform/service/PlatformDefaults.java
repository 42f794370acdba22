package dev.competency.platform.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares ({@code platform-defaults.yml}: Kafka serialisation, actuator exposure,
 * probes, structured logging, the API document) with the lowest precedence, so that a service's own
 * {@code application.yml}, profiles and environment variables override any of them. A starter built on this one adds
 * its own file the same way, with a subclass.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "platform-defaults.yml";

    private final String name;
    private final String resource;

    public PlatformDefaults() {
        this("platformDefaults", RESOURCE);
    }

    /** Defaults from {@code resource} on the classpath, as the property source {@code name}. */
    protected PlatformDefaults(String name, String resource) {
        this.name = name;
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load(name, new ClassPathResource(resource));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
