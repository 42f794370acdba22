package dev.competency.learners.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.competency.learners.learner.domain.LearnerCommandTargets;
import dev.competency.learners.learner.domain.RegisterLearner;
import java.util.stream.IntStream;
import javax.cache.CacheManager;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The learners kept between commands: Caffeine through JCache, bounded, by reference, forgotten on a rollback. */
class LearnerCacheTest {

    private final LearnerConfiguration configuration = new LearnerConfiguration();
    private final CacheManager manager = configuration.learnerCacheManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void keepsTheSameLearnerObject_andNoMoreLearnersThanConfigured() {
        Cache cache = configuration.learnerCache(manager, 100);
        Object learner = new Object();
        cache.put("learner-0", learner);

        assertThat((Object) cache.get("learner-0")).isSameAs(learner);
        IntStream.range(1, 1_000).forEach(i -> cache.put("learner-" + i, new Object()));
        assertThat(IntStream.range(0, 1_000).filter(i -> cache.containsKey("learner-" + i)).count())
                .isBetween(1L, 100L);
    }

    @Test
    void forgetsALearner_whenACommandToItRollsBack() {
        Cache cache = configuration.learnerCache(manager, 100);
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        configuration.learnerCacheForgetsRolledBackCommands(commandBus, cache, new LearnerCommandTargets());
        commandBus.subscribe(RegisterLearner.class.getName(), command -> {
            if (((RegisterLearner) command.getPayload()).learnerId().equals("refused")) {
                throw new IllegalStateException("store unavailable");
            }
            return null;
        });
        DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
        cache.put("refused", new Object());
        cache.put("accepted", new Object());

        assertThatThrownBy(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                new RegisterLearner("refused", "Ada", null, null)))).hasMessage("store unavailable");
        gateway.sendAndWait(new RegisterLearner("accepted", "Grace", null, null));

        assertThat(cache.containsKey("refused")).isFalse();
        assertThat(cache.containsKey("accepted")).isTrue();
    }
}
