package dev.competency.platform.service.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Axon's failures of a command as problem details, next to the service starter's own ({@link AxonProblems}). */
@AutoConfiguration(afterName = "dev.competency.platform.service.web.WebConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AxonWebConfiguration {

    @Bean
    AxonProblems axonProblems() {
        return new AxonProblems();
    }
}
