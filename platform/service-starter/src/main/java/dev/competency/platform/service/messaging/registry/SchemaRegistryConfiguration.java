package dev.competency.platform.service.messaging.registry;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Registers the contracts' JSON Schemas in a schema registry where {@code platform.schema-registry.url}
 * ({@code SCHEMA_REGISTRY_URL}) is set; without it nothing here exists. See {@link ContractSchemaRegistration}.
 */
@AutoConfiguration
@Conditional(SchemaRegistryConfiguration.RegistryUrlSet.class)
@EnableConfigurationProperties(SchemaRegistryProperties.class)
public class SchemaRegistryConfiguration {

    /** The bean's name is the health component's: {@code schemaRegistry}. */
    @Bean
    ContractSchemaRegistration schemaRegistry(SchemaRegistryProperties properties) {
        return new ContractSchemaRegistration(new SchemaRegistryClient(properties.url(), properties.timeout()),
                properties);
    }

    @Bean
    MeterBinder schemaRegistryMetrics(ContractSchemaRegistration registration) {
        return registration::bindMetrics;
    }

    /** An empty {@code url} (the default when {@code SCHEMA_REGISTRY_URL} is unset) counts as not set. */
    static final class RegistryUrlSet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("platform.schema-registry.url"));
        }
    }
}
