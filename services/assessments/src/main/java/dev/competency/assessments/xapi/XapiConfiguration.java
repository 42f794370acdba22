package dev.competency.assessments.xapi;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.xapi.query.StatementStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class XapiConfiguration {

    @Bean
    StatementStore statementStore(MongoDatabase serviceDatabase, JsonMapper json, Clock clock) {
        return new StatementStore(serviceDatabase, json, clock);
    }
}
