package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The platform's limit on a whole unit of work, with Axon's per-handler limits off. */
class AxonTimeoutsConfigurationTest {

    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void interruptsCommand_whenItOutlastsTheUnitOfWorkLimit() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .registerCommandHandler(configuration -> new Handlers());
        new AxonTimeoutsConfiguration().unitOfWorkTimeouts(Duration.ofMillis(300), Duration.ofMillis(100))
                .configureModule(configurer);
        axon = configurer.start();

        assertThat((String) axon.commandGateway().sendAndWait(new Quick())).isEqualTo("done");
        long started = System.nanoTime();
        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new Slow()))
                .isInstanceOf(AxonTimeoutException.class).hasMessageContaining("CommandBus has timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    record Quick() {
    }

    record Slow() {
    }

    static final class Handlers {

        @CommandHandler
        String handle(Quick command) {
            return "done";
        }

        /** Waits for a release that never comes, until the unit of work's limit interrupts it. */
        @CommandHandler
        String handle(Slow command) throws InterruptedException {
            new CountDownLatch(1).await(10, TimeUnit.SECONDS);
            return "too late";
        }
    }
}
