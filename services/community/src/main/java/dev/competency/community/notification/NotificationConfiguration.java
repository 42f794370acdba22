package dev.competency.community.notification;

import com.mongodb.client.MongoDatabase;
import dev.competency.community.notification.delivery.ExpiryWarnings;
import dev.competency.community.notification.delivery.NotificationDelivery;
import dev.competency.community.notification.delivery.NotificationMailer;
import dev.competency.community.notification.domain.ExpiryWindow;
import dev.competency.community.notification.query.EventStoreNotifier;
import dev.competency.community.notification.query.MasteryExpiries;
import dev.competency.community.notification.query.NotificationSettings;
import dev.competency.community.notification.query.Notifications;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The notifications' stores and delivery; scheduling for the sweep of {@link ExpiryWarnings}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    @Bean
    Notifications notifications(MongoDatabase serviceDatabase, Clock clock) {
        return new Notifications(serviceDatabase, clock);
    }

    @Bean
    NotificationSettings notificationSettings(MongoDatabase serviceDatabase) {
        return new NotificationSettings(serviceDatabase);
    }

    /** E-mail only where a deployment provides a {@link NotificationMailer}. */
    @Bean
    NotificationDelivery notificationDelivery(Notifications notifications, NotificationSettings settings,
                                              ObjectProvider<NotificationMailer> mailer) {
        return new NotificationDelivery(notifications, settings, Optional.ofNullable(mailer.getIfAvailable()));
    }

    @Bean
    EventStoreNotifier eventStoreNotifier(NotificationDelivery delivery, Notifications notifications) {
        return new EventStoreNotifier(delivery, notifications);
    }

    @Bean
    MasteryExpiries masteryExpiries(MongoDatabase serviceDatabase) {
        return new MasteryExpiries(serviceDatabase);
    }

    @Bean
    ExpiryWarnings expiryWarnings(Clock clock, MasteryExpiries expiries, NotificationDelivery delivery,
                                  @Value("${community.notifications.expiry-warning:P14D}") Duration window) {
        return new ExpiryWarnings(clock, new ExpiryWindow(window), expiries, delivery);
    }
}
