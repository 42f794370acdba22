package dev.competency.community.challenge;

import com.mongodb.client.MongoDatabase;
import dev.competency.community.challenge.domain.ChallengeLedger;
import dev.competency.community.challenge.query.Challenges;
import dev.competency.community.challenge.query.CompetencyScales;
import dev.competency.community.challenge.query.MasteryStates;
import dev.competency.community.challenge.query.MongoLedgerStore;
import dev.competency.community.people.query.PeopleDirectory;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChallengeConfiguration {

    @Bean
    MongoLedgerStore mongoLedgerStore(MongoDatabase serviceDatabase) {
        return new MongoLedgerStore(serviceDatabase);
    }

    @Bean
    ChallengeLedger challengeLedger(MongoLedgerStore store) {
        return new ChallengeLedger(store);
    }

    @Bean
    MasteryStates masteryStates(MongoDatabase serviceDatabase) {
        return new MasteryStates(serviceDatabase);
    }

    @Bean
    CompetencyScales competencyScales(MongoDatabase serviceDatabase) {
        return new CompetencyScales(serviceDatabase);
    }

    @Bean
    Challenges challenges(MongoDatabase serviceDatabase, ChallengeLedger ledger, PeopleDirectory people,
                          MasteryStates masteries) {
        return new Challenges(serviceDatabase, ledger, people, masteries);
    }

    @Bean
    ChallengeTracker challengeTracker(Challenges challenges, ChallengeLedger ledger, MongoLedgerStore store,
                                      MasteryStates masteries, CommandGateway commands, Clock clock) {
        return new ChallengeTracker(challenges, ledger, store, masteries, commands, clock);
    }
}
