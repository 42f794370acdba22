package dev.competency.platform.service.axon;

import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Axon's failures of a command as problem details, next to the service starter's own ({@link AxonProblems}), and the
 * admins' read-model rebuild ({@link ReadModelController}) where the service names its path
 * ({@code platform.read-models.admin-path}) and declares its {@link ReadModelRebuild}.
 */
@AutoConfiguration(afterName = "dev.competency.platform.service.web.WebConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ReadModelAdminProperties.class)
public class AxonWebConfiguration {

    @Bean
    AxonProblems axonProblems() {
        return new AxonProblems();
    }

    @Bean
    @ConditionalOnProperty("platform.read-models.admin-path")
    ReadModelController readModelController(ObjectProvider<ReadModelRebuild> rebuild,
            ReadModelAdminProperties properties,
            ObjectProvider<ReadYourWrites> readYourWrites, ObjectProvider<EventStore> eventStore,
            ObjectProvider<Clock> clock) {
        return new ReadModelController(rebuild, properties, readYourWrites, eventStore, clock);
    }

    /** A rebuild that does not wait never answers 200 with what was rebuilt: its document says so. */
    @Bean
    @ConditionalOnProperty(name = "platform.read-models.await-rebuild", havingValue = "false", matchIfMissing = true)
    OperationCustomizer rebuildAnswersAtOnce() {
        return (operation, handler) -> {
            if (handler.getBeanType() == ReadModelController.class && handler.getMethod().getName().equals("rebuild")
                    && operation.getResponses() != null) {
                operation.getResponses().remove("200");
            }
            return operation;
        };
    }
}
